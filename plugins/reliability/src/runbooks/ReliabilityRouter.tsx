import { Navigate, Route, Routes } from 'react-router-dom';
import { PostmortemPage } from '../postmortems/PostmortemPage';
import { PostmortemsPage } from '../postmortems/PostmortemsPage';
import { AlertLandingPage } from './AlertLandingPage';
import { RunbookPage } from './RunbookPage';

/** The plugin's pages, under the path the app mounts it at (`/reliability`). */
export const ReliabilityRouter = () => (
  <Routes>
    <Route path="/" element={<Navigate to="postmortems" replace />} />
    <Route path="/runbooks/:namespace/:name" element={<RunbookPage />} />
    <Route path="/alerts/:alertName" element={<AlertLandingPage />} />
    <Route path="/postmortems" element={<PostmortemsPage />} />
    <Route path="/postmortems/new" element={<PostmortemPage />} />
    <Route path="/postmortems/:id" element={<PostmortemPage />} />
  </Routes>
);
