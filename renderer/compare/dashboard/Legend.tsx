/**
 * The reliability bands: the glyph each band is marked with (in the table, next to the colour)
 * and the legend that states the thresholds and where they come from.
 */
import { BAND_SOURCE, BANDS, type Band } from './numbers.js';

const GLYPH: Record<Band, string> = { reliable: 'M5 0.5a4.5 4.5 0 1 0 0.001 0z', tentative: 'M5 0 L10 5 L5 10 L0 5z', unreliable: 'M5 0.5 L9.8 9.5 L0.2 9.5z' };

export function BandGlyph({ band }: { band: Band }) {
  return (
    <svg className={`glyph band-${band}`} viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" focusable="false">
      <path d={GLYPH[band]} />
    </svg>
  );
}

export function Legend() {
  return (
    <div className="band-legend" role="note" aria-label="Reliability bands">
      <span className="legend-title">Bands for κ and α</span>
      {BANDS.map((b) => (
        <span key={b.band} className={`legend-item band-${b.band}`}>
          <BandGlyph band={b.band} /> {b.label} {b.rule}
        </span>
      ))}
      <span className="legend-source" title={BAND_SOURCE}>
        after Krippendorff (2004); percent agreement is not banded
      </span>
    </div>
  );
}
