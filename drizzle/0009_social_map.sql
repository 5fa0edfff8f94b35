-- The words people type for a kind of organisation ("huisarts", "fysio"), for the sociale kaart's
-- full-text document. Immutable, so a generated column may use it; changing the words means a new
-- migration that replaces this function and rewrites the column.
CREATE OR REPLACE FUNCTION organisation_search_terms(kind text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE kind
    WHEN 'general_practice' THEN 'huisartsenpraktijk huisarts huisartsen'
    WHEN 'health_centre' THEN 'gezondheidscentrum huisarts'
    WHEN 'pharmacy' THEN 'apotheek apotheker'
    WHEN 'physiotherapy' THEN 'fysiotherapie fysiotherapeut fysio'
    WHEN 'exercise_therapy' THEN 'oefentherapie oefentherapeut cesar mensendieck'
    WHEN 'dietetics' THEN 'diëtetiek diëtist dietist voeding'
    WHEN 'occupational_therapy' THEN 'ergotherapie ergotherapeut'
    WHEN 'speech_therapy' THEN 'logopedie logopedist'
    WHEN 'midwifery' THEN 'verloskundigenpraktijk verloskundige verloskunde'
    WHEN 'mental_health' THEN 'eerstelijnspsycholoog psycholoog ggz'
    WHEN 'district_nursing' THEN 'wijkverpleging thuiszorg wijkverpleegkundige'
    WHEN 'elderly_care' THEN 'vvt ouderenzorg verpleeghuis'
    WHEN 'hospital' THEN 'ziekenhuis'
    WHEN 'gp_out_of_hours' THEN 'huisartsenpost spoed'
    WHEN 'municipality' THEN 'gemeente'
    WHEN 'health_insurer' THEN 'zorgverzekeraar'
    WHEN 'social_domain' THEN 'welzijn sociaal domein sociaal werk'
    WHEN 'neighbourhood_network' THEN 'wijksamenwerkingsverband wsv'
    WHEN 'care_group' THEN 'zorggroep'
    WHEN 'professional_association' THEN 'vereniging'
    WHEN 'cooperative' THEN 'coöperatie regio-organisatie'
    ELSE '' END $$;
--> statement-breakpoint
CREATE TABLE "social_map_settings" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "social_map_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', name), 'A') || setweight(to_tsvector('dutch', organisation_search_terms(kind)), 'B') || setweight(to_tsvector('dutch', coalesce(visit_street, '') || ' ' || coalesce(visit_city, '')), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "social_map_settings" ADD CONSTRAINT "social_map_settings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_search_idx" ON "organisations" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "organisations_region_wijk_idx" ON "organisations" USING btree ("region_id","wijk_code");--> statement-breakpoint
CREATE POLICY "region_isolation" ON "social_map_settings" AS PERMISSIVE FOR ALL TO "regiotafel_app" USING ("social_map_settings"."region_id" = nullif(current_setting('app.region', true), '')::uuid) WITH CHECK ("social_map_settings"."region_id" = nullif(current_setting('app.region', true), '')::uuid);--> statement-breakpoint
-- The public sociale kaart has no logged-in user to take a region from. This answers only the id
-- of a region that chose to publish its map, and nothing for any other slug.
CREATE OR REPLACE FUNCTION public_social_map_region(region_slug text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT r.id FROM regions r JOIN social_map_settings s ON s.region_id = r.id
        WHERE r.slug = region_slug AND s.public $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public_social_map_region(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public_social_map_region(text) TO regiotafel_app;