import { notifications } from "@mantine/notifications";
import i18next from "i18next";
import { ApiProblem } from "./api";

/**
 * Shows a notification whose close button has a name in the current language: Mantine's own
 * close button has none, which screen readers announce as an unnamed button.
 */
export function notify(message: string, color?: "red" | "green") {
  notifications.show({
    message,
    color,
    closeButtonProps: { "aria-label": i18next.t("common.close") },
  });
}

/** A failed request as a red notification: the problem's title and its field messages. */
export function notifyError(error: unknown) {
  notify(
    error instanceof ApiProblem
      ? [error.title, ...error.errors.map((x) => x.message)].join(": ")
      : i18next.t("common.error"),
    "red",
  );
}

/**
 * A refused form submission: the problem's field errors at the form's own fields (so a screen
 * reader finds each by its input), and the problem as a notification.
 */
export function notifyFormError(form: { setErrors(errors: Record<string, string>): void }, error: unknown) {
  if (error instanceof ApiProblem && error.errors.length) form.setErrors(error.fieldErrors());
  notifyError(error);
}
