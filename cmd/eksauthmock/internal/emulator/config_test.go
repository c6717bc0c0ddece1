package emulator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseExampleConfig(t *testing.T) {
	cfg, err := Load(filepath.Join("..", "..", "example-config.json"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Lifetime() != 6*time.Hour || cfg.Region != "us-west-2" || len(cfg.Clusters) != 2 || len(cfg.Associations) != 3 {
		t.Errorf("example config decoded as %+v", cfg)
	}
	a := cfg.Associations[1] // no ID nor ARN in the file: derived
	if !strings.HasPrefix(a.AssociationID, "a-") || len(a.AssociationID) != 19 ||
		a.AssociationARN != "arn:aws:eks:us-west-2:111122223333:podidentityassociation/dev-cluster/"+a.AssociationID {
		t.Errorf("derived association %q %q", a.AssociationID, a.AssociationARN)
	}
	again, err := Load(filepath.Join("..", "..", "example-config.json"))
	if err != nil || again.Associations[1].AssociationID != a.AssociationID {
		t.Errorf("derived IDs are not stable: %v", err)
	}
}

func TestParseDefaults(t *testing.T) {
	cfg, err := Parse([]byte(`{"accountId":"111122223333","clusters":[{"name":"c"}],"associations":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Region != DefaultRegion || cfg.Lifetime() != DefaultCredentialLifetime || cfg.VerifiesSignatures() {
		t.Errorf("defaults: %+v", cfg)
	}
}

func TestParseErrors(t *testing.T) {
	const okCluster = `"clusters":[{"name":"c"}]`
	const okAssoc = `{"cluster":"c","namespace":"n","serviceAccount":"s","roleArn":"arn:aws:iam::111122223333:role/r"}`
	tests := []struct {
		name string
		json string
		want []string // every one must be in the error
	}{
		{"not JSON", `{`, []string{"decoding the configuration"}},
		{"unknown field", `{"accountId":"111122223333","region":"x","regoin":"y"}`, []string{`unknown field "regoin"`}},
		{"trailing data", `{"accountId":"111122223333"} {}`, []string{"data after"}},
		{"every problem at once", `{"accountId":"12","credentialLifetime":"-1h","throttle":{"requestsPerSecond":0},
			"sigv4":{"accessKeyId":"A"},"tokenKeys":{},
			"clusters":[{"name":"-x"},{"name":"c"},{"name":"c","tokenKeys":{}}],
			"associations":[{"cluster":"d","namespace":"","serviceAccount":"s","roleArn":"arn:aws:iam::1:user/u"},` + okAssoc + `,` + okAssoc + `]}`,
			[]string{"accountId", "credentialLifetime", "throttle", "sigv4", "tokenKeys: name at least one",
				`clusters[0]: name "-x"`, `clusters[2]: cluster "c" is listed twice`, "clusters[2]: tokenKeys",
				`associations[0]: cluster "d"`, "associations[0]: namespace and serviceAccount", "associations[0]: roleArn",
				"associations[2]: n/s in cluster \"c\" has two associations"}},
		{"lifetime not a duration", `{"accountId":"111122223333","credentialLifetime":"6 hours",` + okCluster + `}`, []string{"credentialLifetime"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.json))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestLoadResolvesKeyPaths(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cfg.json")
	abs := filepath.Join(t.TempDir(), "abs.pem")
	data := `{"accountId":"111122223333","tokenKeys":{"publicKeyFiles":["keys/sa.pub","` + abs + `"]},
		"clusters":[{"name":"c","tokenKeys":{"jwksFiles":["jwks.json"]}}],"associations":[]}`
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "keys", "sa.pub"), abs, filepath.Join(dir, "jwks.json")}
	got := []string{cfg.TokenKeys.PublicKeyFiles[0], cfg.TokenKeys.PublicKeyFiles[1], cfg.Clusters[0].TokenKeys.JWKSFiles[0]}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("path %d = %q, want %q", i, got[i], want[i])
		}
	}
	if !cfg.VerifiesSignatures() {
		t.Error("VerifiesSignatures = false with keys")
	}
}
