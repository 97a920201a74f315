// Package rules is the requirement catalog of ../shared/spec/appi-requirements.md:
// one file per requirement family, each rule a declared engine.Rule value.
package rules

import (
	"sort"

	"github.com/appilint/appilint/internal/engine"
)

// All returns every rule of the catalog, sorted by ID.
func All() []*engine.Rule {
	var out []*engine.Rule
	for _, fam := range [][]*engine.Rule{operatorRules, complaintRules, placeholderRules, purposeRules, hygieneRules, requestRules, safetyRules, provisionRules, foreignRules, minorsRules, transmissionRules} {
		out = append(out, fam...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// ByID returns the rule with the ID, or nil.
func ByID(id string) *engine.Rule {
	for _, r := range All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
