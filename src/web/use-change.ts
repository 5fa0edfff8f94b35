import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { notify, notifyError } from "./notify";

/**
 * Runs a change, says it worked (or why not), and reloads the queries it touches: the page's own
 * and the lists it appears in. `busy` is for the button's spinner.
 */
export function useChange(...touched: QueryKey[]) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  return {
    busy,
    run: async (change: () => Promise<unknown>, done: string) => {
      setBusy(true);
      try {
        await change();
        notify(done, "green");
        return true;
      } catch (e) {
        notifyError(e);
        return false;
      } finally {
        setBusy(false);
        for (const queryKey of touched) await queryClient.invalidateQueries({ queryKey });
      }
    },
  };
}
