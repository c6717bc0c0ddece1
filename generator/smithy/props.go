package smithy

import "github.com/tidwall/gjson"

// prop is a shape property of the JSON AST that the parser reads.
type prop uint8

// The shape properties. create through list are the resource lifecycle
// operations, in the order they are stored.
const (
	pType prop = iota
	pTraits
	pMixins
	pMembers
	pMember
	pKey
	pValue
	pInput
	pOutput
	pErrors
	pVersion
	pOperations
	pResources
	pRename
	pIdentifiers
	pProperties
	pCreate
	pPut
	pRead
	pUpdate
	pDelete
	pList
	pCollectionOperations
	numProps
)

// propNames are the JSON keys of the properties, indexed by prop.
var propNames = [numProps]string{
	"type", "traits", "mixins", "members", "member", "key", "value", "input",
	"output", "errors", "version", "operations", "resources", "rename",
	"identifiers", "properties", "create", "put", "read", "update", "delete",
	"list", "collectionOperations",
}

// propOf returns the property named name, or false for a key the parser
// ignores.
func propOf(name string) (prop, bool) {
	for i, n := range propNames {
		if n == name {
			return prop(i), true
		}
	}
	return 0, false
}

// props holds a shape's properties by prop; a missing one has a zero entry.
type props [numProps]entry

// read collects the known properties of a shape object into ps, which it
// clears first. A repeated key takes its last value.
func (ps *props) read(obj gjson.Result) {
	*ps = props{}
	obj.ForEach(func(k, v gjson.Result) bool {
		if i, ok := propOf(k.Str); ok {
			ps[i] = entry{k.Str, k.Index, v}
		}
		return true
	})
}

// has reports whether property i is present.
func (ps *props) has(i prop) bool { return ps[i].val.Exists() }
