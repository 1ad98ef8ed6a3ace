import { makeStyles } from '@material-ui/core/styles';
import ReactMarkdown from 'react-markdown';
import gfm from 'remark-gfm';

type MdNode = { type: string; value?: string; children?: MdNode[] };

// Raw HTML in a runbook is shown as the text it is: never parsed, never
// sanitised into something that loads or runs.
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => walk(tree);
}

const useStyles = makeStyles(theme => ({
  root: {
    '& p': { margin: theme.spacing(0.5, 0) },
    '& pre': {
      background: theme.palette.background.default,
      padding: theme.spacing(1),
      overflowX: 'auto',
      whiteSpace: 'pre-wrap',
    },
    '& code': { fontFamily: 'monospace', fontSize: '0.9em' },
  },
}));

// Where a Markdown link may point: the web, mail, and this portal. Anything
// else (javascript:, data:, vbscript:, ...) is shown as the link's text.
const SAFE_HREF = /^(https?:|mailto:|\/(?!\/)|#)/i;

/**
 * Markdown from runbooks, rendered safely: GitHub-flavoured Markdown, raw
 * HTML shown as text, no images (a runbook cannot make the browser fetch
 * anything), links only to the web, mail or this portal (others shown as
 * their text) and opened in a new tab.
 */
export const SafeMarkdown = ({ content }: { content: string }) => {
  const classes = useStyles();
  return (
    <div className={classes.root}>
      <ReactMarkdown
        remarkPlugins={[gfm, htmlAsText]}
        disallowedElements={['img']}
        unwrapDisallowed
        linkTarget="_blank"
        components={{
          a: ({ node: _node, children, href, ...props }) =>
            href && SAFE_HREF.test(href) ? (
              <a {...props} href={href} rel="noopener noreferrer">
                {children}
              </a>
            ) : (
              <span>{children}</span>
            ),
        }}
      >
        {content}
      </ReactMarkdown>
    </div>
  );
};
