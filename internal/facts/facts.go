// TEMPORARY NOTE FOR HELPERS (the lead removes it): read /work/main/HELPERS-READ-ME.md first: context, measurement commands, and rules of work (only your files; no git, no go mod tidy; internal/load and internal/report are being written by others: wait for them).
// Package facts computes, once per document, the facts that several rules
// need: the operator's name, addresses, representatives, dates, article
// citations and contact points. Rules read facts; they never recompute them.
package facts

import "github.com/appilint/appilint/internal/model"

// Facts are the shared findings about one document.
type Facts struct {
	Operator  Operator   // operator.go
	Contacts  []Contact  // contacts.go
	Dates     []Date     // dates.go
	Citations []Citation // citations.go
}

// Compute derives the facts of a document.
func Compute(doc *model.Document) *Facts {
	f := &Facts{}
	f.Contacts = findContacts(doc)
	f.Operator = findOperator(doc, f.Contacts)
	f.Dates = findDates(doc)
	f.Citations = findCitations(doc)
	return f
}
