import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the reliability plugin suite. */
  reliability?: {
    permissions?: {
      /**
       * How long the API keeps a permission decision per principal and
       * request, in seconds: a changed policy or ownership shows within
       * that. Default 5; 0 asks the policy every time.
       */
      decisionCacheSeconds?: number;
    };
    /**
     * The severity levels, most severe first by rank. Defaults to P1–P4
     * (response 15 minutes, 1 hour, 4 hours, next business day).
     * @visibility frontend
     */
    severities?: Array<{
      /** What runbooks and incidents name, e.g. P1 or SEV1. */
      id: string;
      /** 1 is the most severe. */
      rank: number;
      label?: string;
      /** A CSS colour for chips. */
      colour?: string;
      description?: string;
      /** For people: "15 minutes", "next business day". */
      responseTarget?: string;
      /** The same in minutes, when it is a fixed time. */
      responseMinutes?: number;
      /** Whether it pages the on-call engineer. */
      pages?: boolean;
      /** Whether an incident of this level needs a postmortem. */
      postmortemRequired?: boolean;
    }>;

    runbooks?: {
      /**
       * Central runbook repositories. Their runbooks attach to entities
       * through their own spec.entityRefs.
       */
      locations?: Array<{
        /**
         * `url`: a folder or file read through Backstage's integrations
         * (GitHub, GitLab, Bitbucket, Azure DevOps, Gitea, Gerrit).
         * `git`: any Git URL (https, ssh, file://) cloned with the git CLI,
         * for self-hosted Git without an integration.
         */
        type: 'url' | 'git';
        /** The folder or file URL, or the Git remote. */
        target: string;
        /** For `git`: the branch (default: the remote's default branch). */
        branch?: string;
        /** For `git`: the folder inside the repository (default: all of it). */
        path?: string;
      }>;
      /** How often the index runs. Default: every 10 minutes. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Re-read a location at once when the events service carries a push
       * (`github.push`, `gitlab.push`) to its repository and branch.
       * Default true.
       */
      pushEvents?: boolean;
      /** Where `git` locations are cloned. Default: a folder under the OS temp dir. */
      gitCacheDirectory?: string;
      /** How long one git command (clone, fetch) may take. Default 60 seconds. */
      gitTimeoutSeconds?: number;
      /** Limits on what one location may hold. */
      limits?: {
        /** Largest runbook file, in bytes. Default 524288. */
        maxFileBytes?: number;
        /** Most runbook files in one location. Default 500. */
        maxFiles?: number;
      };
      /**
       * Entities an entity's runbook location may name although another
       * owner owns them and they do not list it in their
       * `reliability.io/runbooks-from` annotation. Without an entry, an
       * entity's runbooks and recovery plans may name only the entity, the
       * entities of its owner, and those that list it back; anything else is
       * left out, with an error on the file.
       */
      mayName?: Array<{
        /** The entity whose `reliability.io/runbooks` location it is. */
        from: string;
        /** The entities its documents may name. */
        entityRefs: string[];
      }>;
    };

    /** Incidents: their roles, the severity helper, Alertmanager, postmortems. */
    incidents?: {
      /**
       * The roles of an incident; exactly one is the lead (the commander).
       * Default: commander (lead), scribe, communications.
       */
      roles?: Array<{
        id: string;
        title?: string;
        /** The role that commands; exactly one. */
        lead?: boolean;
        description?: string;
      }>;
      /**
       * The severity helper's rules, first match wins: what makes an
       * incident of each level. Default: all users → P1, many users without a
       * workaround → P2, …
       */
      classification?: Array<{
        /** A configured severity id. */
        severity: string;
        description: string;
        when?: {
          /** Any of: all, many, some, few, none. */
          usersAffected?: string[];
          /** Any of: lost, at-risk, none. */
          data?: string[];
          workaround?: boolean;
        };
      }>;
      /** How Alertmanager's alerts become incidents. */
      alertmanager?: {
        /** Labels naming the affected entity. Default: `service`, a component. */
        entityLabels?: Array<{
          label: string;
          /** Default component. */
          kind?: string;
          /** Default default. */
          namespace?: string;
        }>;
        /** The label holding the alert's severity. Default `severity`. */
        severityLabel?: string;
        /** Label value → severity id. Default critical→P1, error→P2, warning→P3, info→P4. */
        severities?: { [labelValue: string]: string };
        /** The severity of an alert whose label maps to none. Default P3. */
        defaultSeverity?: string;
      };
      /** Days after resolution a required postmortem is due. Default 5. */
      postmortemDueDays?: number;
      /** The most notes one incident holds; the next is a 409. Default 1000. */
      maxNotes?: number;
    };

    /** Backup runs, restore drills and how recovery plans are judged. */
    recovery?: {
      violations?: {
        /**
         * How long an open violation nobody acknowledged waits before its
         * owners are reminded again (default 24 hours), e.g. { hours: 24 }.
         */
        remindEvery?: HumanDuration | string;
      };
    };
    /** Alerting rules, checked against the runbooks (alert coverage). */
    alerts?: {
      /**
       * Prometheus rule files on the backend's machine (the demo's, or rules
       * a deployment mounts), read on a schedule (default every 10 minutes).
       * Modules add other sources (a Prometheus rules API).
       */
      ruleFiles?: Array<{
        id: string;
        /** The file's path, relative to the backend's working directory. */
        path: string;
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      }>;
      /**
       * Read the Prometheus rule files kept beside the runbooks (a YAML file
       * with a top-level `groups:` list, as promtool reads it) as a source
       * per runbook location, whenever the indexer reads the location; their
       * rules belong to the entity whose folder it is. Default false.
       */
      ruleFilesInRunbookFolders?: boolean;
      /**
       * The weekly alert digest: to each team owning an entity whose
       * incidents took alerts, through Backstage notifications (topic
       * `reliability:alert-digest`), how often each alert rule fired, how
       * often responders judged it noise or a duplicate, and its median time
       * to acknowledge. Once per owner and ISO week.
       */
      digest?: {
        /** Default false. */
        enabled?: boolean;
        /** How many days back each digest looks. Default 7. */
        days?: number;
        /** When it is sent. Default Mondays at 08:00 (cron `0 8 * * 1`). */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
    backups?: {
      /**
       * How often every plan's components are judged, their state changes
       * recorded and owners of newly violated or stale ones notified.
       * Default: every 5 minutes.
       */
      evaluation?: {
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
      /** How much history is kept for the trends. */
      history?: {
        /** Backup runs, and drills, kept per component. Default 500 each. */
        maxEventsPerComponent?: number;
        /** State changes kept per component. Default 100. */
        maxTransitionsPerComponent?: number;
      };
      /**
       * Which entities each machine token may report backups and drills of.
       * A token (a `backend.auth.externalAccess` entry) reports only for the
       * entities its entry here names, by ref, by owner or by system; a
       * token without an entry reports for none. Users are judged by the
       * permission policy instead (`reliability.backup.report`).
       */
      reporters?: Array<{
        /** The token's `subject` in `backend.auth.externalAccess`. */
        subject: string;
        /** Entities it may report for, e.g. resource:default/insights-vault. */
        entityRefs?: string[];
        /** Entities owned by these groups or users. */
        owners?: string[];
        /** Entities that are part of these systems. */
        systems?: string[];
      }>;
    };
  };
}
