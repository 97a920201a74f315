package rules

import "github.com/appilint/appilint/internal/engine"

var transmissionRules = []*engine.Rule{}
