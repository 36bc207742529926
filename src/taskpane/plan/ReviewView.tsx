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
import { type Formats, useFormats, usePaneLanguage, useText } from "../i18n/language";
import { usePaneStyles } from "../paneStyles";
import { actionName, columnLabel } from "./planModel";

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
    // "25 000 sur 30 000" may wrap between its words (each figure keeps its no-break spaces).
    "& td[data-wrap]": { whiteSpace: "normal" },
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
  const t = useText();
  return (
    <>
      <Subtitle2 as="h3" className={pane.heading}>
        {t("plan.review.heading", { semester: review.semester })}
      </Subtitle2>
      <MessageBar intent="success">
        <MessageBarBody>{written}</MessageBarBody>
      </MessageBar>
      <ActionTable review={review} />
      <GroupTable by="Means" groups={review.byMeans} totals={review.totals} />
      <GroupTable by="Owner" groups={review.byOwner} totals={review.totals} />
      <Caption1 className={pane.muted}>{t("plan.review.note")}</Caption1>
    </>
  );
}

function ActionTable({ review }: { readonly review: SemesterReview }) {
  const styles = useStyles();
  const t = useText();
  const { language, locale } = usePaneLanguage();
  const { amount, percent } = useFormats();
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{t("plan.review.byAction")}</caption>
      <thead>
        <tr>
          <th scope="col">{columnLabel("Action", language)}</th>
          <th scope="col">{t("plan.review.result")}</th>
          <th scope="col">{t("plan.review.attainment")}</th>
          <th scope="col">{t("plan.review.costPerResult")}</th>
        </tr>
      </thead>
      <tbody>
        {review.byAction.map(({ action, attainment, costPerResult }) => (
          <tr key={action.id}>
            <th scope="row">{actionName(action)}</th>
            <td data-wrap>
              {action.actualResult === null
                ? "–"
                : t("plan.review.resultOf", {
                    result: amount(action.actualResult),
                    objective: amount(action.objective),
                  })}
            </td>
            <td>{percent(attainment)}</td>
            <td>{costPerResult === null ? "–" : formatCost(costPerResult, locale, amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A cost per result keeps its cents below 100 (51.43 per meeting), whole amounts above. */
function formatCost(value: number, locale: string, amount: Formats["amount"]): string {
  return Math.abs(value) < 100
    ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
    : amount(value);
}

function GroupTable(props: {
  readonly by: "Means" | "Owner";
  readonly groups: readonly GroupReview[];
  readonly totals: GroupReview;
}) {
  const { by, groups, totals } = props;
  const styles = useStyles();
  const t = useText();
  const { language } = usePaneLanguage();
  const { amount, percent } = useFormats();
  const row = (g: GroupReview, name: string) => (
    <>
      <th scope="row">{name}</th>
      <td>{t("plan.review.countOf", { checked: g.checked, actions: g.actions })}</td>
      <td>{amount(g.budget)}</td>
      <td>{amount(g.actualCost)}</td>
      <td>{percent(g.attainment)}</td>
    </>
  );
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>
        {t(by === "Means" ? "plan.review.byMeans" : "plan.review.byOwner")}
      </caption>
      <thead>
        <tr>
          <th scope="col">{columnLabel(by, language)}</th>
          <th scope="col">{t("plan.review.checked")}</th>
          <th scope="col">{columnLabel("Budget", language)}</th>
          <th scope="col">{columnLabel("Actual cost", language)}</th>
          <th scope="col">{t("plan.review.attainment")}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.name}>{row(g, g.name || t("plan.none"))}</tr>
        ))}
      </tbody>
      <tfoot>
        <tr>{row(totals, t("plan.review.total"))}</tr>
      </tfoot>
    </table>
  );
}
