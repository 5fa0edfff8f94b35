import { Container, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { api, unwrap } from "../../api";
import { useT } from "../../i18n";
import { type SocialMapQuery, SocialMapView } from "./SocialMapView";

/**
 * The public sociale kaart (no login): what a region publishes for the gemeente, partners and
 * inhabitants. Organisations and head counts per discipline, never names of people.
 */
export function PublicSocialMapPage() {
  const { t } = useT();
  const { slug } = useParams({ strict: false }) as { slug: string };
  const options = useQuery({
    queryKey: ["public-map", slug, "options"],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/public/{slug}/social-map/options", { params: { path: { slug } } })),
    retry: false,
  });
  const fetchPage = async (query: SocialMapQuery, cursor?: string) =>
    unwrap(
      await api.GET("/api/v1/public/{slug}/social-map", {
        params: { path: { slug }, query: { ...query, cursor, limit: 25 } },
      }),
    );
  return (
    <Container size="lg" py="md" component="main" id="inhoud">
      <Stack>
        <Title order={1}>
          {options.data ? t("map.publicTitle", { region: options.data.regionName }) : t("map.title")}
        </Title>
        {options.isError ? (
          <Text>{t("map.notPublished")}</Text>
        ) : (
          <>
            <Text>{t("map.publicIntro")}</Text>
            <SocialMapView
              queryKey={["public-map", slug]}
              fetchPage={fetchPage}
              options={options.data}
              renderName={(e) => e.name}
            />
          </>
        )}
      </Stack>
    </Container>
  );
}
