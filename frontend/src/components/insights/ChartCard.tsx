import { useId, type ReactNode } from 'react';

export interface TableColumn {
  label: string;
  values: string[];
}

interface ChartCardProps {
  title: string;
  description: string;
  /** Week labels, the rows of the data table. */
  labels: string[];
  columns: TableColumn[];
  legend?: { name: string; swatch: string }[];
  children: ReactNode;
}

/** A chart with its title, a one-line definition, a legend and the same data as a table. */
export function ChartCard({ title, description, labels, columns, legend, children }: ChartCardProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <p className="mt-0.5 mb-3 text-sm text-slate-600">{description}</p>
      {children}
      {legend && (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
          {legend.map((item) => (
            <li key={item.name} className="flex items-center gap-1.5">
              <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-sm ${item.swatch}`} />
              {item.name}
            </li>
          ))}
        </ul>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer rounded font-medium text-indigo-700 hover:text-indigo-900">
          Show the numbers
        </summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">{title}, by week</caption>
            <thead>
              <tr className="text-slate-600">
                <th scope="col" className="py-1 pr-3 font-medium">
                  Week of
                </th>
                {columns.map((column) => (
                  <th key={column.label} scope="col" className="py-1 pr-3 font-medium">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 text-slate-800">
              {labels.map((label, row) => (
                <tr key={label}>
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {label}
                  </th>
                  {columns.map((column) => (
                    <td key={column.label} className="py-1 pr-3">
                      {column.values[row]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
