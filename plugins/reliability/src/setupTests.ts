import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy*/waitFor wait 1 s by default: a page that chains two or three
// fetches and renders can take longer on a loaded 2-core CI machine.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one (in
// a browser it measures the chart's box; here there is nothing to measure).
if (!('ResizeObserver' in globalThis)) {
  (globalThis as any).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
