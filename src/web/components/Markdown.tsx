import { Typography } from "@mantine/core";
import ReactMarkdown from "react-markdown";

/**
 * Markdown written by users (minutes), rendered harmless: raw HTML is dropped (no script, iframe
 * or event handlers ever reach the page) and links other than http(s), mailto and relative ones
 * (javascript:, data:) are emptied by react-markdown's URL filter. Links open in a new tab
 * without access to this one.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <Typography>
      <ReactMarkdown
        skipHtml
        components={{
          a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
        }}
      >
        {children}
      </ReactMarkdown>
    </Typography>
  );
}
