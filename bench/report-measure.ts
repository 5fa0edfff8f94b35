import { rssMb } from "./rss.js";

const TIMES = 5;

/**
 * The consolidated regional report of the largest region's biggest round, fetched as the page's
 * JSON, as PDF and as xlsx, each `TIMES` times one after another (a report is asked for by one
 * person at a time, not by a crowd). Server memory is sampled throughout.
 */
export async function measureReport(port: number, token: string, pid: number, roundId: string) {
  const base = `http://127.0.0.1:${port}/api/v1/report-rounds/${roundId}`;
  const headers = { authorization: `Bearer ${token}` };
  const rssBefore = rssMb(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssMb(pid));
  }, 100);
  const fetchTimes = async (url: string) => {
    const seconds: number[] = [];
    let bytes = 0;
    for (let i = 0; i < TIMES; i++) {
      const started = performance.now();
      const response = await fetch(url, { headers });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body}`);
      seconds.push(Math.round(performance.now() - started) / 1000);
      bytes = body.length;
    }
    return { seconds, worst: Math.max(...seconds), bytes };
  };
  try {
    const page = await fetchTimes(base);
    const round = (await (await fetch(base, { headers })).json()) as {
      period: string;
      requested: number;
      submitted: number;
    };
    return {
      period: round.period,
      reports: round.requested,
      submitted: round.submitted,
      page,
      pdf: await fetchTimes(`${base}/report.pdf`),
      xlsx: await fetchTimes(`${base}/report.xlsx`),
      rssBeforeMb: Math.round(rssBefore),
      rssPeakMb: Math.round(rssPeak),
    };
  } finally {
    clearInterval(sampler);
  }
}
