import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { ApiProblem, api, setCsrfToken, unwrap } from "../../api";
import { CenteredForm } from "../../components/CenteredForm";
import { useT } from "../../i18n";

const problemText = (e: unknown, fallback: string) =>
  e instanceof ApiProblem ? [e.title, ...e.errors.map((f) => f.message)].join(": ") : fallback;

export function ForgotPasswordPage() {
  const { t } = useT();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: "" } });
  const submit = form.onSubmit(async ({ email }) => {
    setError(null);
    try {
      unwrap(await api.POST("/api/v1/auth/password-reset", { body: { email } }));
      setSent(true);
    } catch (e) {
      setError(problemText(e, t("common.error")));
    }
  });
  return (
    <CenteredForm title={t("forgot.title")} error={error}>
      {sent ? (
        <Alert role="status">{t("forgot.sent")}</Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t("forgot.intro")}</Text>
            <TextInput
              label={t("login.email")}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps("email")}
            />
            <Button type="submit">{t("forgot.submit")}</Button>
          </Stack>
        </form>
      )}
    </CenteredForm>
  );
}

function NewPasswordForm({
  intro,
  submitLabel,
  onSubmit,
}: {
  intro?: string;
  submitLabel: string;
  onSubmit: (password: string) => Promise<void>;
}) {
  const { t } = useT();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: "" },
    validate: { password: (v) => (v.length < 10 ? t("password.hint") : null) },
  });
  const submit = form.onSubmit(async ({ password }) => {
    setError(null);
    try {
      await onSubmit(password);
    } catch (e) {
      setError(problemText(e, t("common.error")));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {intro && <Text size="sm">{intro}</Text>}
        <PasswordInput
          label={t("password.new")}
          description={t("password.hint")}
          autoComplete="new-password"
          required
          {...form.getInputProps("password")}
        />
        <Button type="submit" loading={form.submitting}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

export function ResetPasswordPage() {
  const { t } = useT();
  const { token } = useParams({ strict: false }) as { token: string };
  const [done, setDone] = useState(false);
  return (
    <CenteredForm title={t("reset.title")}>
      {done ? (
        <Stack>
          <Alert role="status">{t("reset.done")}</Alert>
          <Anchor component={Link} to="/inloggen">
            {t("login.submit")}
          </Anchor>
        </Stack>
      ) : (
        <NewPasswordForm
          submitLabel={t("reset.submit")}
          onSubmit={async (password) => {
            unwrap(await api.POST("/api/v1/auth/password-reset/confirm", { body: { token, password } }));
            setDone(true);
          }}
        />
      )}
    </CenteredForm>
  );
}

export function AcceptInvitationPage() {
  const { t } = useT();
  const { token } = useParams({ strict: false }) as { token: string };
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <CenteredForm title={t("invite.title")}>
      <NewPasswordForm
        intro={t("invite.intro")}
        submitLabel={t("invite.submit")}
        onSubmit={async (password) => {
          const session = unwrap(
            await api.POST("/api/v1/auth/invitations/accept", { body: { token, password } }),
          );
          setCsrfToken(session.csrfToken);
          queryClient.setQueryData(["session"], session);
          await navigate({ to: "/" });
        }}
      />
    </CenteredForm>
  );
}
