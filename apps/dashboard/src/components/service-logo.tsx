// A service's mark: a small drawn logo for the built-in connector types, else its initial.
const BRANDS: Record<string, { bg: string; fg?: string; glyph: string }> = {
  http: { bg: '#4f46e5', glyph: 'webhook' },
  datadog: { bg: '#632ca6', glyph: 'DD' },
  splunk: { bg: '#111827', fg: '#65a637', glyph: '>' },
  slack: { bg: '#4a154b', glyph: '#' },
  segment: { bg: '#52bd94', glyph: 'S' },
  eventbridge: { bg: '#e7157b', glyph: 'EB' },
  console: { bg: '#334155', glyph: '>_' },
  sumo: { bg: '#000099', glyph: 'SL' },
  panther: { bg: '#101828', glyph: 'PN' },
  logzio: { bg: '#1d2a5a', glyph: 'LZ' },
  elastic: { bg: '#00bfb3', glyph: 'ES' },
  otlp: { bg: '#425cc7', fg: '#f5a800', glyph: 'OT' },
  mixpanel: { bg: '#7856ff', glyph: 'MP' },
  eventgrid: { bg: '#0078d4', glyph: 'EG' },
  pangea: { bg: '#3b2a8f', glyph: 'PG' },
  verosint: { bg: '#0f766e', glyph: 'V' },
  oort: { bg: '#1e293b', fg: '#6ee7b7', glyph: 'O' },
  'mdr-one': { bg: '#b91c1c', glyph: 'M1' },
  perch: { bg: '#0369a1', glyph: 'P' },
};

export function ServiceLogo({ type, size = 32 }: { type: string; size?: number }) {
  const brand = BRANDS[type];
  const bg = brand?.bg ?? '#64748b';
  const fg = brand?.fg ?? '#fff';
  const glyph = brand?.glyph ?? (type.charAt(0).toUpperCase() || '?');
  return (
    <svg className="service-logo" width={size} height={size} viewBox="0 0 32 32" role="img" aria-label={`${type} logo`}>
      <rect width="32" height="32" rx="8" fill={bg} />
      {glyph === 'webhook' ? (
        <g fill="none" stroke={fg} strokeWidth="2.4" strokeLinecap="round">
          <circle cx="16" cy="10" r="3.2" />
          <circle cx="9.5" cy="21.5" r="3.2" />
          <circle cx="22.5" cy="21.5" r="3.2" />
          <path d="M14.4 12.8 11 18.6M12.7 21.5h6.6M17.6 12.8l3.3 5.8" />
        </g>
      ) : (
        <text
          x="16"
          y="16.5"
          textAnchor="middle"
          dominantBaseline="central"
          fill={fg}
          fontFamily="ui-sans-serif, system-ui, sans-serif"
          fontWeight="700"
          fontSize={glyph.length > 1 ? 12 : 16}
        >
          {glyph}
        </text>
      )}
    </svg>
  );
}
