import { Route, Routes } from 'react-router-dom';
import { AlertLandingPage } from './AlertLandingPage';
import { RunbookPage } from './RunbookPage';

/** The plugin's pages, under the path the app mounts it at (`/reliability`). */
export const ReliabilityRouter = () => (
  <Routes>
    <Route path="/runbooks/:namespace/:name" element={<RunbookPage />} />
    <Route path="/alerts/:alertName" element={<AlertLandingPage />} />
  </Routes>
);
