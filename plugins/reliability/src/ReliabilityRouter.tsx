import { AlertCoveragePage } from './alerts/AlertCoveragePage';
import {
  Navigate,
  Route,
  Routes,
  useParams,
  useSearchParams,
} from 'react-router-dom';
import { IncidentPage } from './incidents/IncidentPage';
import { IncidentsPage } from './incidents/IncidentsPage';
import { PostmortemPage } from './postmortems/PostmortemPage';
import { PostmortemsPage } from './postmortems/PostmortemsPage';
import { RecoveryOverviewPage } from './recovery/RecoveryOverviewPage';
import { RecoveryPlanPage } from './recovery/RecoveryPlanPage';
import { AlertLandingPage } from './runbooks/AlertLandingPage';
import { RunbookPage } from './runbooks/RunbookPage';

// A fresh page (and form state) for each postmortem, and for each new one.
const KeyedPostmortemPage = () => {
  const { id = 'new' } = useParams();
  const [search] = useSearchParams();
  return <PostmortemPage key={`${id}|${search.get('entityRef') ?? ''}`} />;
};

// A fresh page for each incident.
const KeyedIncidentPage = () => {
  const { id = '' } = useParams();
  return <IncidentPage key={id} />;
};

/** The plugin's pages, under the path the app mounts it at (`/reliability`). */
export const ReliabilityRouter = () => (
  <Routes>
    <Route path="/" element={<Navigate to="incidents" replace />} />
    <Route path="/incidents" element={<IncidentsPage />} />
    <Route path="/incidents/:id" element={<KeyedIncidentPage />} />
    <Route path="/runbooks/:namespace/:name" element={<RunbookPage />} />
    <Route path="/alerts/:alertName" element={<AlertLandingPage />} />
    <Route path="/alert-coverage" element={<AlertCoveragePage />} />
    <Route path="/recovery" element={<RecoveryOverviewPage />} />
    <Route
      path="/recovery/plans/:namespace/:name"
      element={<RecoveryPlanPage />}
    />
    <Route path="/postmortems" element={<PostmortemsPage />} />
    <Route path="/postmortems/new" element={<KeyedPostmortemPage />} />
    <Route path="/postmortems/:id" element={<KeyedPostmortemPage />} />
  </Routes>
);
