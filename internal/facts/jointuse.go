package facts

import "github.com/appilint/appilint/internal/model"

// JointUse is what the policy says about joint use (法27条5項3号).
type JointUse struct{}

func findJointUse(doc *model.Document, op Operator) JointUse { return JointUse{} }
