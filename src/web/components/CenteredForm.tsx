import { Alert, Container, Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The frame of the pages outside the shell (login, invitation, password). */
export function CenteredForm({
  title,
  error,
  children,
}: {
  title: string;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <Container size={420} my={60} component="main">
      <Title order={1} ta="center" size="h2" mb="lg">
        {title}
      </Title>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        {error && (
          <Alert color="red" mb="md" role="alert">
            {error}
          </Alert>
        )}
        {children}
      </Paper>
    </Container>
  );
}
