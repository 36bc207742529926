/**
 * The semester's review in the pane (semesterReview, the Check of the plan as a whole): attainment and
 * cost per result of each action, then by means and by owner with the totals under them, so the manager
 * sees in the pane what the review sheet holds. Narrow tables for a 320 px pane: a few columns each.
 */
import {
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { GroupReview, SemesterReview } from "../../domain/actionPlan/review";
import { formatAmount, formatPercent } from "../format";
import { usePaneStyles } from "../paneStyles";
import { actionName } from "./planModel";

const useStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: "right",
      verticalAlign: "top",
    },
    // Figures stay on one line; names wrap between words, so the figures get the room they need.
    "& td": { whiteSpace: "nowrap" },
    "& th:first-child, & td:first-child": { textAlign: "left", overflowWrap: "break-word" },
    "& tfoot td, & tfoot th": { fontWeight: tokens.fontWeightSemibold },
  },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: "2px" },
});

export interface ReviewViewProps {
  readonly review: SemesterReview;
  /** What writing the review sheet said ("Review of 2027-S1 written to …"). */
  readonly written: string;
}

export function ReviewView({ review, written }: ReviewViewProps) {
  const pane = usePaneStyles();
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        Review of {review.semester}
      </Subtitle2>
      <MessageBar intent="success">
        <MessageBarBody>{written}</MessageBarBody>
      </MessageBar>
      <ActionTable review={review} />
      <GroupTable by="Means" groups={review.byMeans} totals={review.totals} />
      <GroupTable by="Owner" groups={review.byOwner} totals={review.totals} />
      <Caption1 className={pane.muted}>
        Attainment is actual result ÷ objective; a group&apos;s is the mean of its checked actions
        (objectives come in different units). Cost per result is actual cost ÷ actual result.
      </Caption1>
    </>
  );
}

function ActionTable({ review }: { readonly review: SemesterReview }) {
  const styles = useStyles();
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>Attainment by action</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Result</th>
          <th scope="col">Attainment</th>
          <th scope="col">Cost per result</th>
        </tr>
      </thead>
      <tbody>
        {review.byAction.map(({ action, attainment, costPerResult }) => (
          <tr key={action.id}>
            <th scope="row">{actionName(action)}</th>
            <td>
              {action.actualResult === null
                ? "–"
                : `${formatAmount(action.actualResult)} of ${formatAmount(action.objective)}`}
            </td>
            <td>{formatPercent(attainment)}</td>
            <td>{costPerResult === null ? "–" : formatCost(costPerResult)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A cost per result keeps its cents below 100 (51.43 per meeting), whole amounts above. */
function formatCost(value: number): string {
  return Math.abs(value) < 100
    ? new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value)
    : formatAmount(value);
}

function GroupTable(props: {
  readonly by: "Means" | "Owner";
  readonly groups: readonly GroupReview[];
  readonly totals: GroupReview;
}) {
  const { by, groups, totals } = props;
  const styles = useStyles();
  const row = (g: GroupReview, name: string) => (
    <>
      <th scope="row">{name}</th>
      <td>{`${g.checked} of ${g.actions}`}</td>
      <td>{formatAmount(g.budget)}</td>
      <td>{formatAmount(g.actualCost)}</td>
      <td>{formatPercent(g.attainment)}</td>
    </>
  );
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>Attainment by {by.toLowerCase()}</caption>
      <thead>
        <tr>
          <th scope="col">{by}</th>
          <th scope="col">Checked</th>
          <th scope="col">Budget</th>
          <th scope="col">Actual cost</th>
          <th scope="col">Attainment</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.name}>{row(g, g.name || "(none)")}</tr>
        ))}
      </tbody>
      <tfoot>
        <tr>{row(totals, "Total")}</tr>
      </tfoot>
    </table>
  );
}
