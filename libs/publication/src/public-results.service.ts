import { Injectable } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import { ReadReplica } from '@app/core';
import { EDITIONS_SQL, EditionStatus } from '@app/contest';
import { ResultsVersion } from './entities/results-version.entity';
import { publicCategories, type FrozenFigures, type PublicCategory } from './figures';

export interface PublishedEdition {
  year: number;
  name: string;
  timezone: string;
  latestVersion: number;
  firstPublishedAt: Date;
}

export interface PublishedVersion {
  version: number;
  publishedAt: Date;
  reason: string | null;
}

/** One published version of an edition's winners, with every published version to link to. */
export interface PublicWinners {
  edition: { year: number; name: string; timezone: string };
  version: PublishedVersion;
  latest: boolean;
  versions: PublishedVersion[];
  categories: PublicCategory[];
}

/** What anyone may read of the results: the published editions and each published version of their winners. */
@Injectable()
export class PublicResults {
  /** Published versions never change: read from the replica when there is one. */
  constructor(private readonly replica: ReadReplica) {}

  /** Editions with published results, latest year first. */
  async editions(): Promise<PublishedEdition[]> {
    const dataSource = await this.replica.dataSource();
    const rows: { year: number; name: string; timezone: string; latest_version: number; first_published_at: Date }[] = await dataSource.query(
      `SELECT e.year, e.name, e.timezone, max(v.version)::int AS latest_version, min(v.published_at) AS first_published_at
         FROM (${EDITIONS_SQL}) e JOIN results_version v ON v.edition_id = e.id AND v.published_at IS NOT NULL
        GROUP BY e.id, e.year, e.name, e.timezone ORDER BY e.year DESC`,
    );
    return rows.map((r) => ({ year: r.year, name: r.name, timezone: r.timezone, latestVersion: r.latest_version, firstPublishedAt: r.first_published_at }));
  }

  /** A published version of the year's winners (the latest when `version` is not given); null when there is none. */
  async winners(year: number, version?: number): Promise<PublicWinners | null> {
    const dataSource = await this.replica.dataSource();
    const [edition]: { id: string; year: number; name: string; timezone: string }[] = await dataSource.query(
      `SELECT id, year, name, timezone FROM (${EDITIONS_SQL}) e WHERE year = $1 AND status <> $2`,
      [year, EditionStatus.Draft],
    );
    if (!edition) return null;
    const published = await dataSource.manager.find(ResultsVersion, {
      where: { editionId: edition.id, publishedAt: Not(IsNull()) },
      order: { version: 'ASC' },
      select: { id: true, version: true, publishedAt: true, reason: true },
    });
    const chosen = version === undefined ? published.at(-1) : published.find((v) => v.version === version);
    if (!chosen) return null;
    const { figures } = await dataSource.manager.findOneOrFail(ResultsVersion, { where: { id: chosen.id }, select: { id: true, figures: true } });
    const versions = published.map((v) => ({ version: v.version, publishedAt: v.publishedAt!, reason: v.reason }));
    return {
      edition: { year: edition.year, name: edition.name, timezone: edition.timezone },
      version: versions.find((v) => v.version === chosen.version)!,
      latest: chosen.version === published.at(-1)!.version,
      versions,
      categories: publicCategories(figures as FrozenFigures),
    };
  }
}
