import { Anchor, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { ApiProblem, api, setCsrfToken, unwrap } from "../../api";
import { CenteredForm } from "../../components/CenteredForm";
import { useT } from "../../i18n";

export function LoginPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [needsTotp, setNeedsTotp] = useState(false);
  const form = useForm({ initialValues: { email: "", password: "", totp: "" } });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const body = {
        email: values.email,
        password: values.password,
        ...(needsTotp ? { totp: values.totp } : {}),
      };
      const session = unwrap(await api.POST("/api/v1/auth/login", { body }));
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(["session"], session);
      const back = new URLSearchParams(window.location.search).get("terug");
      await navigate({ to: back?.startsWith("/") && !back.startsWith("//") ? back : "/" });
    } catch (e) {
      if (e instanceof ApiProblem && e.errors.some((f) => f.field === "body.totp")) setNeedsTotp(true);
      setError(e instanceof ApiProblem ? e.title : t("common.error"));
    }
  });

  return (
    <CenteredForm title={t("login.title")} error={error}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t("login.email")}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps("email")}
          />
          <PasswordInput
            label={t("login.password")}
            autoComplete="current-password"
            required
            {...form.getInputProps("password")}
          />
          {needsTotp && (
            <TextInput
              label={t("login.totp")}
              inputMode="numeric"
              autoComplete="one-time-code"
              {...form.getInputProps("totp")}
            />
          )}
          <Button type="submit" loading={form.submitting}>
            {t("login.submit")}
          </Button>
          <Anchor component={Link} to="/wachtwoord-vergeten" size="sm">
            {t("login.forgot")}
          </Anchor>
        </Stack>
      </form>
    </CenteredForm>
  );
}
