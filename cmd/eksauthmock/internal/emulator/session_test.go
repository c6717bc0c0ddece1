package emulator

import (
	"regexp"
	"strings"
	"testing"
)

// sessionNamePattern is STS's RoleSessionName constraint.
var sessionNamePattern = regexp.MustCompile(`^[\w+=,.@-]{2,64}$`)

func TestSessionName(t *testing.T) {
	const uuid = "0b1c2d3e-4f50-4612-8734-9a0b1c2d3e4f"
	long := func(prefix string, n int) string { return prefix + strings.Repeat("x", n-len(prefix)) }
	tests := []struct {
		name, cluster, pod, want string
	}{
		{"short", "c1", "pod-1", "eks-c1-pod-1-" + uuid},
		{"exactly 64", "cluster-0", "pod-0123456", "eks-cluster-0-pod-0123456-" + uuid},
		{"long pod", "prod", long("payments-api-", 253), "eks-prod-payments-api-xxxxx-" + uuid},
		{"long cluster", long("production-", 100), "web-0", "eks-production-xxxxxx-web-0-" + uuid},
		{"both long", long("production-eu-", 100), long("payments-api-", 63), "eks-production--payments-ap-" + uuid},
		{"odd characters", "c1", "pod/ä:1", "eks-c1-pod---1-" + uuid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sessionName(tt.cluster, tt.pod, uuid)
			if got != tt.want {
				t.Errorf("sessionName = %q, want %q", got, tt.want)
			}
			if !sessionNamePattern.MatchString(got) || !strings.HasSuffix(got, "-"+uuid) {
				t.Errorf("%q (%d characters) is not a valid session name ending in the UUID", got, len(got))
			}
		})
	}
}

// TestEmulatorLongNames calls the emulator with a 100-character cluster
// name and a 253-character pod name (the longest EKS and Kubernetes allow):
// the session name in the ARN and AssumeRoleId is a valid STS session name,
// shortened, and differs between calls.
func TestEmulatorLongNames(t *testing.T) {
	clusterName := "c" + strings.Repeat("l", 99)
	cfg, err := Parse([]byte(`{"accountId":"111122223333","region":"eu-west-1",
		"clusters":[{"name":"` + clusterName + `"}],
		"associations":[{"cluster":"` + clusterName + `","namespace":"ns","serviceAccount":"sa","roleArn":"arn:aws:iam::111122223333:role/r1"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	clock := &fakeClock{now: epoch}
	e, err := New(cfg, Options{Now: clock.Now, Rand: seeded()})
	if err != nil {
		t.Fatal(err)
	}
	claims := tokenClaims()
	delete(claims, "iss")
	claims["kubernetes.io"] = map[string]any{"namespace": "ns", "pod": map[string]any{"name": "p" + strings.Repeat("o", 252), "uid": "u1"}}
	token := signedNone(t, claims)
	seen := map[string]bool{}
	for range 3 {
		out, err := call(e, clusterName, token)
		if err != nil {
			t.Fatal(err)
		}
		arn, id := *out.AssumedRoleUser.Arn, *out.AssumedRoleUser.AssumeRoleId
		name, ok := strings.CutPrefix(arn, "arn:aws:sts::111122223333:assumed-role/r1/")
		if !ok || !sessionNamePattern.MatchString(name) || len(name) != maxSessionName || !strings.HasPrefix(name, "eks-cllllllllll-poooooooooo-") {
			t.Errorf("session name %q (%d characters) in ARN %q", name, len(name), arn)
		}
		if want := roleID("arn:aws:iam::111122223333:role/r1") + ":" + name; id != want {
			t.Errorf("AssumeRoleId %q, want %q", id, want)
		}
		if seen[name] {
			t.Errorf("session name %q repeats", name)
		}
		seen[name] = true
	}
}
