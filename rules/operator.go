// TEMPORARY NOTE FOR HELPERS (the lead removes it): read /work/main/HELPERS-READ-ME.md first: context, measurement commands, and rules of work (only your files; no git, no go mod tidy; internal/load and internal/report are being written by others: wait for them).
package rules

import "github.com/appilint/appilint/internal/engine"

var operatorRules = []*engine.Rule{}
