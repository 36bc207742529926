/** One rep of CarnetTeam as a card: the sheet's figures, as read, and the trade-off at the current w. */
import {
  Button,
  Card,
  CardHeader,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { useText } from "../i18n/language";
import { usePaneStyles } from "../paneStyles";
import type { RepCardModel } from "./teamModel";
import { TradeOffLine } from "./TradeOff";

const useStyles = makeStyles({
  card: { maxWidth: "320px", boxSizing: "border-box" },
  figures: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr 1fr",
    rowGap: tokens.spacingVerticalXS,
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
  },
  figure: { display: "flex", flexDirection: "column", minWidth: 0 },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
});

export interface RepCardProps {
  readonly card: RepCardModel;
  readonly weight: number;
  /** Selects the rep's row of CarnetTeam. */
  readonly onSelect: (address: string) => void;
}

export function RepCard({ card, weight, onSelect }: RepCardProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const t = useText();
  const { address } = card;
  return (
    <Card className={styles.card} size="small" role="group" aria-label={card.rep}>
      <CardHeader
        header={
          <Subtitle2 as="h3" className={pane.heading}>
            {card.rep}
          </Subtitle2>
        }
        action={
          address ? (
            <Button
              size="small"
              appearance="subtle"
              aria-label={t("team.card.showRowOf", { rep: card.rep })}
              onClick={() => onSelect(address)}
            >
              {t("team.card.showRow")}
            </Button>
          ) : undefined
        }
      />
      <dl className={styles.figures} aria-label={t("team.card.figuresOf", { rep: card.rep })}>
        {card.figures.map((f) => (
          <div key={f.label} className={styles.figure}>
            <dt className={styles.label}>{f.label}</dt>
            <dd className={styles.value}>{f.value}</dd>
          </div>
        ))}
      </dl>
      {card.tradeOff && <TradeOffLine tradeOff={card.tradeOff} weight={weight} />}
    </Card>
  );
}
