// Package facts computes, once per document, the facts that several rules
// need: the operator's name, addresses, representatives, dates, article
// citations and contact points. Rules read facts; they never recompute them.
package facts

import "github.com/appilint/appilint/internal/model"

// Facts are the shared findings about one document.
type Facts struct {
	Operator     Operator     // operator.go
	Contacts     []Contact    // contacts.go
	Dates        []Date       // dates.go
	Citations    []Citation   // citations.go
	JointUse     JointUse     // jointuse.go
	Foreign      Foreign      // foreign.go
	Transmission Transmission // transmission.go
}

// Compute derives the facts of a document.
func Compute(doc *model.Document) *Facts {
	f := &Facts{}
	f.Contacts = findContacts(doc)
	// The operator's definition also tells transmission which cookies are its own.
	def, defNames := findDefinitions(doc)
	ownNames := distinctNames(defNames)
	f.Operator = findOperator(doc, f.Contacts, def, defNames)
	f.Dates = findDates(doc)
	f.Citations = findCitations(doc)
	f.JointUse = findJointUse(doc, f.Operator)
	f.Foreign = findForeign(doc)
	f.Transmission = findTransmission(doc, ownNames)
	return f
}
