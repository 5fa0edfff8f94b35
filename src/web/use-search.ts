import { useDebouncedValue } from "@mantine/hooks";
import { type ChangeEvent, useState } from "react";

/**
 * A list's search box: `query` is the trimmed text once typing pauses, for the request (one
 * request per pause, not per keystroke); `box` goes on the TextInput (`{...box}`).
 */
export function useSearch() {
  const [text, setText] = useState("");
  const [query] = useDebouncedValue(text.trim(), 250);
  const box = { value: text, onChange: (e: ChangeEvent<HTMLInputElement>) => setText(e.currentTarget.value) };
  return [query, box] as const;
}
