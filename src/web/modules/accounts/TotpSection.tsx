import {
  Alert,
  Button,
  Code,
  Group,
  Image,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api";
import { useT } from "../../i18n";
import { notify, notifyError, notifyFormError } from "../../notify";
import { sessionQuery, useSession } from "../../session";

/** Turn TOTP two-step login on (scan, confirm with a code) or off (with the password). */
export function TotpSection() {
  const { t } = useT();
  const session = useSession();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const enableForm = useForm({ initialValues: { code: "" } });
  const disableForm = useForm({ initialValues: { password: "" } });
  const enabled = session?.user.totpEnabled ?? false;

  async function start() {
    try {
      const { secret, uri } = unwrap(await api.POST("/api/v1/me/totp"));
      // Loaded on demand: only people setting up TOTP need the QR encoder.
      const QRCode = await import("qrcode");
      setSetup({ secret, qr: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) });
    } catch (e) {
      notifyError(e);
    }
  }

  const refreshSession = () => queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
  const submit = (form: typeof enableForm | typeof disableForm, done: () => Promise<void>) => async () => {
    try {
      await done();
      form.reset();
      await refreshSession();
    } catch (e) {
      notifyFormError(form, e);
    }
  };
  const enable = enableForm.onSubmit(
    submit(enableForm, async () => {
      unwrap(await api.POST("/api/v1/me/totp/enable", { body: enableForm.values }));
      setSetup(null);
      notify(t("totp.enabled"));
    }),
  );
  const disable = disableForm.onSubmit(
    submit(disableForm, async () => {
      unwrap(await api.POST("/api/v1/me/totp/disable", { body: disableForm.values }));
      notify(t("totp.disabled"));
    }),
  );

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t("totp.title")}
      </Title>
      {enabled ? (
        <Stack>
          <Alert role="status">{t("totp.on")}</Alert>
          <form onSubmit={disable} aria-label={t("totp.disable")}>
            <Group align="flex-end">
              <PasswordInput
                label={t("totp.password")}
                autoComplete="current-password"
                {...disableForm.getInputProps("password")}
              />
              <Button type="submit" color="red">
                {t("totp.disable")}
              </Button>
            </Group>
          </form>
        </Stack>
      ) : setup ? (
        <Stack>
          <Text>{t("totp.scan")}</Text>
          <Image src={setup.qr} alt={t("totp.qrAlt")} w={200} h={200} />
          <Code data-testid="totp-secret">{setup.secret}</Code>
          <form onSubmit={enable} aria-label={t("totp.enable")}>
            <Group align="flex-end">
              <TextInput
                label={t("totp.code")}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                {...enableForm.getInputProps("code")}
              />
              <Button type="submit">{t("totp.enable")}</Button>
            </Group>
          </form>
        </Stack>
      ) : (
        <Stack align="flex-start">
          <Text>{t("totp.off")}</Text>
          <Button onClick={start}>{t("totp.setUp")}</Button>
        </Stack>
      )}
    </Paper>
  );
}
