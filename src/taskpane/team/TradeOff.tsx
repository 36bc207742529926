/**
 * The handbook's trade-off between individual and collective pay, in words (teamModel, from the domain's
 * tradeOffs): for one rep, their pay basis from individual-only to team-only and where w puts it; for
 * the team, who is carried by it and who is held back.
 */
import { Body1, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { RepTradeOff } from "../../domain/team/contract";
import { useWords } from "../words";
import { tradeOffSummary, tradeOffText } from "./teamModel";

const useStyles = makeStyles({
  line: { margin: 0 },
  carried: { color: tokens.colorPaletteGreenForeground1 },
  held: { color: tokens.colorPaletteRedForeground1 },
  even: { color: tokens.colorNeutralForeground3 },
});

export function TradeOffLine({
  tradeOff,
  weight,
}: {
  readonly tradeOff: RepTradeOff;
  readonly weight: number;
}) {
  const styles = useStyles();
  const words = useWords();
  const tone =
    tradeOff.effect === "carried"
      ? styles.carried
      : tradeOff.effect === "held back"
        ? styles.held
        : styles.even;
  return (
    <Caption1 as="p" block className={mergeClasses(styles.line, tone)}>
      {tradeOffText(tradeOff, weight, words)}
    </Caption1>
  );
}

export function TradeOffSummary({
  tradeOffs,
  weight,
}: {
  readonly tradeOffs: readonly RepTradeOff[];
  readonly weight: number;
}) {
  const words = useWords();
  if (tradeOffs.length === 0) return null;
  return <Body1 block>{tradeOffSummary(tradeOffs, weight, words)}</Body1>;
}
