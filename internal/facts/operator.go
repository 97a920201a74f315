// TEMPORARY NOTE FOR HELPERS (the lead removes it): read /work/main/HELPERS-READ-ME.md first: context, measurement commands, and rules of work (only your files; no git, no go mod tidy; internal/load and internal/report are being written by others: wait for them).
package facts

import "github.com/appilint/appilint/internal/model"

// Operator is what the policy says about the business that publishes it.
type Operator struct{}

func findOperator(doc *model.Document, contacts []Contact) Operator { return Operator{} }
