import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';

// Frontend plugins are discovered from this package's dependencies
// (`app.packages: all` in app-config.yaml); the reliability plugin among them
// adds the Reliability tab and card to entity pages.
export default createApp({
  features: [navModule],
});
