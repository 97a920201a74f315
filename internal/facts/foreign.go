package facts

import "github.com/appilint/appilint/internal/model"

// Foreign is what the policy says about foreign provision and storage (法28条, 令10条1号).
type Foreign struct{}

func findForeign(doc *model.Document) Foreign { return Foreign{} }
