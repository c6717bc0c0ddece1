package emulator

import (
	"errors"
	"fmt"
	"regexp"
	"time"
)

var (
	accountPattern = regexp.MustCompile(`^[0-9]{12}$`)
	// clusterPattern is the model's pattern for cluster names.
	clusterPattern = regexp.MustCompile(`^[0-9A-Za-z][A-Za-z0-9\-_]*$`)
	rolePattern    = regexp.MustCompile(`^arn:aws[a-z-]*:iam::([0-9]{12}):role/(?:[^/]+/)*([\w+=,.@-]{1,64})$`)
)

// check reports every problem of the configuration, joined.
func (c *Config) check() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !accountPattern.MatchString(c.AccountID) {
		bad("accountId: want 12 digits, got %q", c.AccountID)
	}
	if c.CredentialLifetime != "" {
		if d, err := time.ParseDuration(c.CredentialLifetime); err != nil || d <= 0 {
			bad("credentialLifetime: want a positive Go duration such as \"6h\", got %q", c.CredentialLifetime)
		}
	}
	if c.SigV4 != nil && (c.SigV4.AccessKeyID == "" || c.SigV4.SecretAccessKey == "") {
		bad("sigv4: accessKeyId and secretAccessKey are required")
	}
	if t := c.Throttle; t != nil && (t.RequestsPerSecond <= 0 || t.Burst < 0) {
		bad("throttle: want requestsPerSecond > 0 and burst >= 0, got %v and %d", t.RequestsPerSecond, t.Burst)
	}
	if c.TokenKeys.empty() {
		bad("tokenKeys: name at least one publicKeyFiles or jwksFiles entry, or leave it out")
	}
	clusters := map[string]bool{}
	for i, cl := range c.Clusters {
		if cl.TokenKeys.empty() {
			bad("clusters[%d]: tokenKeys: name at least one publicKeyFiles or jwksFiles entry, or leave it out", i)
		}
		switch {
		case len(cl.Name) > 100 || !clusterPattern.MatchString(cl.Name):
			bad("clusters[%d]: name %q is not a valid cluster name", i, cl.Name)
		case clusters[cl.Name]:
			bad("clusters[%d]: cluster %q is listed twice", i, cl.Name)
		}
		clusters[cl.Name] = true
	}
	seen := map[string]bool{}
	for i := range c.Associations {
		a := &c.Associations[i]
		where := fmt.Sprintf("associations[%d]", i)
		if !clusters[a.Cluster] {
			bad("%s: cluster %q is not in clusters", where, a.Cluster)
		}
		if a.Namespace == "" || a.ServiceAccount == "" {
			bad("%s: namespace and serviceAccount are required", where)
		}
		if !rolePattern.MatchString(a.RoleARN) {
			bad("%s: roleArn %q is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)", where, a.RoleARN)
		}
		key := a.Cluster + "\x00" + a.Namespace + "\x00" + a.ServiceAccount
		if seen[key] {
			bad("%s: %s/%s in cluster %q has two associations", where, a.Namespace, a.ServiceAccount, a.Cluster)
		}
		seen[key] = true
		if a.AssociationID == "" {
			a.AssociationID = derivedAssociationID(key)
		}
		if a.AssociationARN == "" {
			a.AssociationARN = fmt.Sprintf("arn:aws:eks:%s:%s:podidentityassociation/%s/%s", c.Region, c.AccountID, a.Cluster, a.AssociationID)
		}
	}
	return errors.Join(errs...)
}

// derivedAssociationID is a stable association ID for key, in the form
// EKS uses: "a-" and 17 lower-case letters and digits.
func derivedAssociationID(key string) string {
	return hashedID("a-", "abcdefghijklmnopqrstuvwxyz0123456789", key)
}

// roleParts returns the account and the name of an IAM role ARN checked by
// check.
func roleParts(arn string) (account, name string) {
	m := rolePattern.FindStringSubmatch(arn)
	if m == nil {
		return "", ""
	}
	return m[1], m[2]
}

// empty reports whether k is set but names no file.
func (k *TokenKeys) empty() bool {
	return k != nil && len(k.PublicKeyFiles)+len(k.JWKSFiles) == 0
}
