import type { ComponentProps } from 'react';
import { BarChart } from '../../components/insights/BarChart';
import { ChartCard, type TableColumn } from '../../components/insights/ChartCard';
import { LineChart } from '../../components/insights/LineChart';
import { StackedBarChart } from '../../components/insights/StackedBarChart';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageHeader } from '../../components/ui/PageHeader';
import { SectionErrorBoundary } from '../../components/ui/SectionErrorBoundary';
import { LoadingRegion, Skeleton } from '../../components/ui/Skeleton';
import { formatDecimal, formatPercent, weekLabel } from '../../lib/charts';
import { formatNumber } from '../../lib/format';
import { ApiError } from '../../services/api';
import { DASHBOARD_WEEKS, useThriveCirclesKPIs } from '../../services/insights';
import type { WeekMetrics } from '../../types/insights';

// Literal class names, so Tailwind generates them: one colour per level, Seedling first.
const LEVEL_FILLS = ['fill-green-500', 'fill-blue-500', 'fill-purple-500', 'fill-orange-500', 'fill-yellow-400'];
const LEVEL_SWATCHES = ['bg-green-500', 'bg-blue-500', 'bg-purple-500', 'bg-orange-500', 'bg-yellow-400'];
const count = (value: number) => formatNumber(Math.round(value));

export default function ThriveCirclesInsightsPage() {
  return (
    <>
      <PageHeader
        title="Thrive Circles insights"
        description={`The success metrics of the last ${DASHBOARD_WEEKS} circle weeks. Staff only; the running week is drawn lighter.`}
      />
      <Dashboard />
    </>
  );
}

function Dashboard() {
  const kpis = useThriveCirclesKPIs();

  if (kpis.isPending) {
    return (
      <LoadingRegion label="Loading the success metrics…">
        <div className="grid gap-6 lg:grid-cols-2">
          {[0, 1, 2, 3].map((key) => (
            <Skeleton key={key} className="h-64 rounded-2xl" />
          ))}
        </div>
      </LoadingRegion>
    );
  }
  if (kpis.isError) {
    const forbidden = kpis.error instanceof ApiError && kpis.error.status === 403;
    return (
      <ErrorState
        title={forbidden ? 'This page is for staff.' : "We couldn't load the success metrics."}
        error={kpis.error}
        onRetry={forbidden ? undefined : () => void kpis.refetch()}
        isRetrying={kpis.isFetching}
      />
    );
  }
  const weeks = kpis.data.weeks;
  if (weeks.length === 0) return <p className="text-slate-700">No weeks to show yet.</p>;
  return <Charts weeks={weeks} />;
}

function Charts({ weeks }: { weeks: WeekMetrics[] }) {
  const labels = weeks.map((week) => weekLabel(week.week_start));
  const partial = !weeks[weeks.length - 1].is_complete;
  const column = (label: string, pick: (week: WeekMetrics) => string) => ({ label, values: weeks.map(pick) });
  const levelNames = weeks[weeks.length - 1].level_distribution.map((entry) => entry.level);
  const axis = { labels, partial };

  return (
    <div className="space-y-6">
      <Summary weeks={weeks} />
      <div className="grid gap-6 lg:grid-cols-2">
        <SectionErrorBoundary section="active and returning people">
          <ChartCard
            title="Active and returning"
            description="Share of all accounts active in the week, and share of last week's active people who came back."
            labels={labels}
            columns={[
              column('Active', (w) => `${formatPercent(w.active_share)} (${count(w.active_users)} of ${count(w.registered_users)})`),
              column('Retention', (w) => formatPercent(w.retention)),
            ]}
            legend={[
              { name: 'Active', swatch: 'bg-indigo-600' },
              { name: 'Week-over-week retention', swatch: 'bg-emerald-500' },
            ]}
          >
            <LineChart
              label="Share of people active and week-over-week retention, by week"
              weekLabels={labels}
              yMax={1}
              formatY={(value) => formatPercent(value)}
              lastIsPartial={partial}
              series={[
                { name: 'Active', values: weeks.map((w) => w.active_share), strokeClass: 'stroke-indigo-600', fillClass: 'fill-indigo-600' },
                { name: 'Retention', values: weeks.map((w) => w.retention), strokeClass: 'stroke-emerald-500', fillClass: 'fill-emerald-500' },
              ]}
            />
          </ChartCard>
        </SectionErrorBoundary>
        <BarChartCard
          section="XP per active person"
          title="Average XP per active person"
          description="Net XP earned in the week (corrections included) divided by the people active that week."
          columns={[column('XP per person', (w) => formatDecimal(w.avg_xp_per_active_user)), column('XP in all', (w) => count(w.xp_total))]}
          label="Average XP per active person, by week"
          values={weeks.map((w) => w.avg_xp_per_active_user)}
          formatY={count}
          barClass="fill-indigo-500"
          {...axis}
        />
        <BarChartCard
          section="activities per active person"
          title="Activities per active person"
          description="Quizzes, Prompt Battles, projects and achievements per active person (not sign-ins or too-quick repeats)."
          columns={[column('Per person', (w) => formatDecimal(w.activities_per_active_user, 2)), column('Activities', (w) => count(w.activities))]}
          label="Activities per active person, by week"
          values={weeks.map((w) => w.activities_per_active_user)}
          formatY={(value) => formatDecimal(value)}
          barClass="fill-sky-500"
          {...axis}
        />
        <SectionErrorBoundary section="page and feed views">
          <ChartCard
            title="Your Thrive Circle and feed views"
            description="How often people opened Your Thrive Circle, and how often its circle activity feed came into view."
            labels={labels}
            columns={[
              column('Page views', (w) => `${count(w.page_views)} by ${count(w.page_viewers)}`),
              column('Feed views', (w) => `${count(w.feed_views)} by ${count(w.feed_viewers)}`),
            ]}
            legend={[
              { name: 'Your Thrive Circle page', swatch: 'bg-violet-600' },
              { name: 'Circle activity feed', swatch: 'bg-amber-500' },
            ]}
          >
            <LineChart
              label="Your Thrive Circle page views and activity feed views, by week"
              weekLabels={labels}
              formatY={count}
              lastIsPartial={partial}
              series={[
                { name: 'Page views', values: weeks.map((w) => w.page_views), strokeClass: 'stroke-violet-600', fillClass: 'fill-violet-600' },
                { name: 'Feed views', values: weeks.map((w) => w.feed_views), strokeClass: 'stroke-amber-500', fillClass: 'fill-amber-500' },
              ]}
            />
          </ChartCard>
        </SectionErrorBoundary>
        <BarChartCard
          section="time on the page"
          title="Time on Your Thrive Circle"
          description="Median minutes the page was visible per weekly visitor (people whose page reported visible time)."
          columns={[
            column('Median minutes', (w) => formatDecimal(w.median_page_minutes)),
            column('Visitors', (w) => count(w.page_time_visitors)),
          ]}
          label="Median minutes on Your Thrive Circle per weekly visitor, by week"
          values={weeks.map((w) => w.median_page_minutes)}
          formatY={(value) => formatDecimal(value)}
          barClass="fill-violet-500"
          {...axis}
        />
        <SectionErrorBoundary section="people returning to their circle">
          <ChartCard
            title="Returning to their circle"
            description="Of the people who opened Your Thrive Circle the week before, the share who opened it again (from page views)."
            labels={labels}
            columns={[
              column('Came back', (w) => `${formatPercent(w.page_return_rate)} (${count(w.returning_page_viewers)} of ${count(w.previous_page_viewers)})`),
            ]}
          >
            <LineChart
              label="Share of last week's page viewers who opened Your Thrive Circle again, by week"
              weekLabels={labels}
              yMax={1}
              formatY={(value) => formatPercent(value)}
              lastIsPartial={partial}
              series={[
                { name: 'Came back', values: weeks.map((w) => w.page_return_rate), strokeClass: 'stroke-violet-600', fillClass: 'fill-violet-600' },
              ]}
            />
          </ChartCard>
        </SectionErrorBoundary>
        <BarChartCard
          section="level-ups"
          title="Level-ups"
          description="People whose level at the end of the week is above their level at its start."
          columns={[column('Level-ups', (w) => count(w.level_ups))]}
          label="People who levelled up, by week"
          values={weeks.map((w) => w.level_ups)}
          formatY={count}
          barClass="fill-emerald-500"
          {...axis}
        />
        <SectionErrorBoundary section="people by level">
          <ChartCard
            title="People by level"
            description="Everyone with a Thrive profile, by their level at the end of each week."
            labels={labels}
            columns={levelNames.map((name, index) => column(name, (w) => count(w.level_distribution[index]?.users ?? 0)))}
            legend={levelNames.map((name, index) => ({ name, swatch: LEVEL_SWATCHES[index % LEVEL_SWATCHES.length] }))}
          >
            <StackedBarChart
              label="People by level at the end of each week"
              weekLabels={labels}
              stacks={weeks.map((w) => w.level_distribution.map((entry) => entry.users))}
              layerClasses={LEVEL_FILLS}
              formatY={count}
              lastIsPartial={partial}
            />
          </ChartCard>
        </SectionErrorBoundary>
        <BarChartCard
          section="fair play"
          title="Fair play"
          description="Awards the fair-play rules reduced or refused; weeks flagged for review are in the table."
          columns={[column('Limited awards', (w) => count(w.limited_awards)), column('Weeks flagged', (w) => count(w.spike_flags))]}
          label="Awards reduced or refused by the fair-play rules, by week"
          values={weeks.map((w) => w.limited_awards)}
          formatY={count}
          barClass="fill-rose-400"
          {...axis}
        />
      </div>
    </div>
  );
}

/** The last finished week at a glance, with the change from the week before. */
function Summary({ weeks }: { weeks: WeekMetrics[] }) {
  const finished = weeks.filter((week) => week.is_complete);
  const latest = finished[finished.length - 1];
  if (!latest) return null;
  const before = finished[finished.length - 2];
  const tiles = [
    { label: 'Active', value: formatPercent(latest.active_share), detail: `${count(latest.active_users)} people` },
    { label: 'Retention', value: formatPercent(latest.retention), detail: `${count(latest.retained_users)} came back` },
    {
      label: 'Minutes on the page',
      value: formatDecimal(latest.median_page_minutes),
      detail: `median of ${count(latest.page_time_visitors)} visitors`,
    },
    { label: 'XP per active person', value: formatDecimal(latest.avg_xp_per_active_user), detail: change(latest, before, (w) => w.avg_xp_per_active_user) },
    { label: 'Level-ups', value: count(latest.level_ups), detail: change(latest, before, (w) => w.level_ups) },
  ];
  return (
    <section aria-label={`Week of ${weekLabel(latest.week_start)}`}>
      <h2 className="mb-2 text-sm font-semibold text-slate-700">Last full week: {weekLabel(latest.week_start)} – {weekLabel(latest.week_end)}</h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {tiles.map((tile) => (
          <div key={tile.label} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <dt className="text-sm text-slate-600">{tile.label}</dt>
            <dd className="mt-1 text-2xl font-bold text-slate-900 tabular-nums">{tile.value}</dd>
            <dd className="text-xs text-slate-600">{tile.detail}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function change(latest: WeekMetrics, before: WeekMetrics | undefined, pick: (week: WeekMetrics) => number | null): string {
  const now = pick(latest);
  const then = before ? pick(before) : null;
  if (now === null || then === null) return 'no earlier week';
  const delta = now - then;
  if (Math.abs(delta) < 0.05) return 'same as the week before';
  return `${delta > 0 ? '+' : '−'}${formatDecimal(Math.abs(delta))} on the week before`;
}

type BarChartCardProps = Pick<ComponentProps<typeof BarChart>, 'label' | 'values' | 'formatY' | 'barClass'> & {
  section: string;
  title: string;
  description: string;
  columns: TableColumn[];
  /** Week labels, shared by the chart and its table. */
  labels: string[];
  /** Whether the last week is still running (drawn lighter). */
  partial: boolean;
};

/** One weekly figure as bars, in its card with the same numbers as a table. */
function BarChartCard({ section, title, description, columns, label, values, formatY, barClass, labels, partial }: BarChartCardProps) {
  return (
    <SectionErrorBoundary section={section}>
      <ChartCard title={title} description={description} labels={labels} columns={columns}>
        <BarChart label={label} weekLabels={labels} values={values} formatY={formatY} barClass={barClass} lastIsPartial={partial} />
      </ChartCard>
    </SectionErrorBoundary>
  );
}
