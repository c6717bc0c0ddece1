package passes

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// namesLoadModel reads the parts of a JSON AST model that deriveNames uses:
// shapes, members, the error and enum traits, operation inputs, outputs and
// errors, and the service's rename map; every operation is the service's.
func namesLoadModel(t *testing.T, path string) *ir.Model {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	type target struct{ Target string }
	var doc struct {
		Shapes map[string]struct {
			Type    string
			Members map[string]target
			Traits  map[string]json.RawMessage
			Input   *target
			Output  *target
			Errors  []target
			Rename  map[string]string
		}
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	m := &ir.Model{}
	for id, js := range doc.Shapes {
		s := &ir.Shape{ID: ir.ShapeID(id), Type: ir.ShapeTypeOf(js.Type)}
		for name, mem := range js.Members {
			s.Members = append(s.Members, &ir.Member{Name: name, ID: s.ID.WithMember(name), Target: ir.ShapeID(mem.Target)})
		}
		slices.SortFunc(s.Members, func(a, b *ir.Member) int { return strings.Compare(a.Name, b.Name) })
		if raw, ok := js.Traits["smithy.api#error"]; ok {
			_ = json.Unmarshal(raw, &s.Traits.Error)
		}
		if raw, ok := js.Traits["smithy.api#enum"]; ok {
			_ = json.Unmarshal(raw, &s.Traits.LegacyEnum)
		}
		if js.Input != nil {
			s.Input = ir.ShapeID(js.Input.Target)
		}
		if js.Output != nil {
			s.Output = ir.ShapeID(js.Output.Target)
		}
		for _, e := range js.Errors {
			s.Errors = append(s.Errors, ir.ShapeID(e.Target))
		}
		for id, name := range js.Rename {
			s.Rename = append(s.Rename, ir.Rename{ID: ir.ShapeID(id), Name: name})
		}
		slices.SortFunc(s.Rename, func(a, b ir.Rename) int { return strings.Compare(string(a.ID), string(b.ID)) })
		if s.Type == ir.ServiceType {
			m.Service = s
		}
		m.Add(s)
	}
	for _, s := range m.Shapes() {
		if s.Type == ir.OperationType {
			m.Operations = append(m.Operations, s)
		}
	}
	return m
}

func namesSharedModels(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "aws-models", "*", "service", "*", "*.json"))
	if len(files) == 0 {
		t.Skip("../shared/aws-models is absent")
	}
	return files
}

// TestDeriveNamesEKSAuth checks the names of the published EKS Auth model
// against those of github.com/aws/aws-sdk-go-v2/service/eksauth.
func TestDeriveNamesEKSAuth(t *testing.T) {
	namesSharedModels(t)
	m := namesLoadModel(t, filepath.Join("..", "..", "..", "shared", "aws-models", "eks-auth", "service", "2023-11-26", "eks-auth-2023-11-26.json"))
	if err := deriveNames(m); err != nil {
		t.Fatal(err)
	}
	const ns = "com.amazonaws.eksauth#"
	want := [][2]string{
		{"AssumeRoleForPodIdentity", "AssumeRoleForPodIdentity"},
		{"AssumeRoleForPodIdentityRequest", ""},
		{"AssumeRoleForPodIdentityRequest$clusterName", "ClusterName"},
		{"AssumeRoleForPodIdentityRequest$token", "Token"},
		{"AssumeRoleForPodIdentityResponse", ""},
		{"AssumeRoleForPodIdentityResponse$podIdentityAssociation", "PodIdentityAssociation"},
		{"AssumeRoleForPodIdentityResponse$assumedRoleUser", "AssumedRoleUser"},
		{"AssumedRoleUser", "types.AssumedRoleUser"},
		{"AssumedRoleUser$arn", "Arn"},
		{"AssumedRoleUser$assumeRoleId", "AssumeRoleId"},
		{"Credentials", "types.Credentials"},
		{"Credentials$accessKeyId", "AccessKeyId"},
		{"Credentials$sessionToken", "SessionToken"},
		{"PodIdentityAssociation$associationArn", "AssociationArn"},
		{"Subject$serviceAccount", "ServiceAccount"},
		{"ClusterName", ""},
		{"JwtToken", ""},
		{"ExpiredTokenException", "types.ExpiredTokenException"},
		{"ExpiredTokenException$message", "Message"},
		{"ResourceNotFoundException", "types.ResourceNotFoundException"},
		{"EKSAuthFrontend", ""},
	}
	for _, w := range want {
		if got := ntName(m, ns+w[0]); got != w[1] {
			t.Errorf("%s = %q, want %q", w[0], got, w[1])
		}
	}
}

// TestDeriveNamesSharedModels derives the names of every shared AWS model and
// checks that they are valid and unique in their scopes, and that the only
// names changed by a collision are the error members the SDK renames too.
func TestDeriveNamesSharedModels(t *testing.T) {
	var escaped []string
	for _, f := range namesSharedModels(t) {
		m := namesLoadModel(t, f)
		if err := convertLegacyEnums(m); err != nil {
			t.Fatal(err)
		}
		if err := deriveNames(m); err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		types := map[string]ir.ShapeID{}
		declare := func(name string, id ir.ShapeID) {
			if !isExportedIdent(name) {
				t.Errorf("%s: %q is not an exported identifier", id, name)
			}
			if prev, ok := types[name]; ok {
				t.Errorf("%s and %s both declare types.%s", prev, id, name)
			}
			types[name] = id
		}
		for _, s := range m.Shapes() {
			if strings.HasSuffix(s.GoName, "_") {
				escaped = append(escaped, string(s.ID))
			}
			if s.GoPackage == ir.TypesPackage {
				declare(s.GoName, s.ID)
			}
			fields := map[string]bool{}
			for _, mem := range s.Members {
				switch {
				case s.Type == ir.EnumType || s.Type == ir.IntEnumType:
					declare(mem.GoName, mem.ID)
				case s.Type == ir.UnionType:
					declare(mem.UnionVariant, mem.ID)
				case s.Type == ir.StructureType && mem.GoName != "":
					if fields[mem.GoName] {
						t.Errorf("%s: field %s declared twice", mem.ID, mem.GoName)
					}
					fields[mem.GoName] = true
				}
				if strings.HasSuffix(mem.GoName+mem.UnionVariant, "_") {
					escaped = append(escaped, string(mem.ID)+" "+mem.GoName)
				}
			}
		}
	}
	want := []string{
		"com.amazonaws.codegurusecurity#AccessDeniedException$errorCode ErrorCode_",
		"com.amazonaws.codegurusecurity#ConflictException$errorCode ErrorCode_",
		"com.amazonaws.codegurusecurity#InternalServerException$error Error_",
		"com.amazonaws.codegurusecurity#ResourceNotFoundException$errorCode ErrorCode_",
		"com.amazonaws.codegurusecurity#ThrottlingException$errorCode ErrorCode_",
		"com.amazonaws.codegurusecurity#ValidationException$errorCode ErrorCode_",
		"com.amazonaws.detective#AccessDeniedException$ErrorCode ErrorCode_",
		"com.amazonaws.detective#ValidationException$ErrorCode ErrorCode_",
	}
	slices.Sort(escaped)
	if !slices.Equal(escaped, want) {
		t.Errorf("names changed by a collision:\n%s\nwant:\n%s", strings.Join(escaped, "\n"), strings.Join(want, "\n"))
	}
}
