package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Config is the emulator's configuration, read from a JSON file by Load.
// Unknown fields are an error, so that a misspelt field is not ignored.
type Config struct {
	// AccountID is the 12-digit AWS account ID of the emulated EKS
	// service, used in pod identity association ARNs.
	AccountID string `json:"accountId"`
	// Region is the AWS region of the emulated service, used in pod
	// identity association ARNs; "us-west-2" when empty.
	Region string `json:"region,omitempty"`
	// CredentialLifetime is how long the temporary credentials are valid, as
	// a Go duration ("6h", "15m"); 6 hours when empty.
	CredentialLifetime string `json:"credentialLifetime,omitempty"`
	// TokenKeys are the public keys that verify the signature of every
	// service-account token; when it and a cluster's own TokenKeys are
	// empty, tokens are parsed without verifying their signature (their
	// expiry, audience and subject are still checked).
	TokenKeys *TokenKeys `json:"tokenKeys,omitempty"`
	// SigV4, when set, makes the emulator require requests signed with
	// Signature Version 4 by these credentials, as EKS Auth does.
	SigV4 *SigV4Config `json:"sigv4,omitempty"`
	// Throttle, when set, limits the rate of AssumeRoleForPodIdentity calls;
	// a call beyond it is answered with ThrottlingException.
	Throttle *Throttle `json:"throttle,omitempty"`
	// Clusters are the EKS clusters the emulator knows; a call naming
	// another cluster is answered with ResourceNotFoundException.
	Clusters []Cluster `json:"clusters"`
	// Associations map service accounts of the clusters to IAM roles.
	Associations []Association `json:"associations"`
}

// TokenKeys names files holding token signing public keys. Relative paths
// are relative to the directory of the configuration file.
type TokenKeys struct {
	// PublicKeyFiles are PEM files, each with one or more "PUBLIC KEY",
	// "RSA PUBLIC KEY" or "CERTIFICATE" blocks (RSA, ECDSA or Ed25519
	// keys), e.g. the cluster's sa.pub.
	PublicKeyFiles []string `json:"publicKeyFiles,omitempty"`
	// JWKSFiles are JSON Web Key Set files, e.g. a copy of the cluster's
	// OIDC issuer's keys (kubectl get --raw /openid/v1/jwks).
	JWKSFiles []string `json:"jwksFiles,omitempty"`
}

// SigV4Config holds the credentials requests must be signed with.
type SigV4Config struct {
	// AccessKeyID is the access key ID callers sign with.
	AccessKeyID string `json:"accessKeyId"`
	// SecretAccessKey is the matching secret access key.
	SecretAccessKey string `json:"secretAccessKey"`
	// Region is the region the signature must be scoped to; any when empty.
	Region string `json:"region,omitempty"`
}

// Throttle is a token bucket: RequestsPerSecond tokens are added each
// second, up to Burst; each call takes one.
type Throttle struct {
	// RequestsPerSecond is the sustained rate; must be positive.
	RequestsPerSecond float64 `json:"requestsPerSecond"`
	// Burst is the bucket's size; RequestsPerSecond (at least 1) when 0.
	Burst int `json:"burst,omitempty"`
}

// Cluster is one emulated EKS cluster.
type Cluster struct {
	// Name is the cluster's name, as callers put it in the request path.
	Name string `json:"name"`
	// Issuer, when set, is the OIDC issuer URL the token's "iss" claim
	// must equal (e.g. https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE).
	Issuer string `json:"issuer,omitempty"`
	// TokenKeys, when set, replace the top-level TokenKeys for this cluster.
	TokenKeys *TokenKeys `json:"tokenKeys,omitempty"`
}

// Association is one pod identity association: the service account
// Namespace/ServiceAccount of Cluster may assume RoleARN.
type Association struct {
	// Cluster names one of the Clusters.
	Cluster string `json:"cluster"`
	// Namespace is the Kubernetes namespace of the service account.
	Namespace string `json:"namespace"`
	// ServiceAccount is the name of the Kubernetes service account.
	ServiceAccount string `json:"serviceAccount"`
	// RoleARN is the IAM role the pods assume, arn:aws:iam::<account>:role/<name>.
	RoleARN string `json:"roleArn"`
	// AssociationID is the association's ID ("a-" and 17 characters);
	// derived from the cluster, namespace and service account when empty.
	AssociationID string `json:"associationId,omitempty"`
	// AssociationARN is the association's ARN; when empty it is
	// arn:aws:eks:<region>:<accountId>:podidentityassociation/<cluster>/<associationId>.
	AssociationARN string `json:"associationArn,omitempty"`
}

// DefaultRegion is the region of a configuration that names none.
const DefaultRegion = "us-west-2"

// DefaultCredentialLifetime is the lifetime of credentials when the
// configuration sets none.
const DefaultCredentialLifetime = 6 * time.Hour

// Load reads and checks the configuration file at path; relative key file
// paths in it are resolved against the file's directory.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cfg, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	cfg.resolvePaths(filepath.Dir(path))
	return cfg, nil
}

// Parse decodes a JSON configuration, fills the defaults and checks it,
// reporting every problem at once.
func Parse(data []byte) (*Config, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	cfg := &Config{}
	if err := dec.Decode(cfg); err != nil {
		return nil, fmt.Errorf("decoding the configuration: %w", err)
	}
	if dec.More() {
		return nil, errors.New("decoding the configuration: data after the JSON object")
	}
	if cfg.Region == "" {
		cfg.Region = DefaultRegion
	}
	if err := cfg.check(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// Lifetime returns the parsed credential lifetime.
func (c *Config) Lifetime() time.Duration {
	d, err := time.ParseDuration(c.CredentialLifetime)
	if err != nil || c.CredentialLifetime == "" {
		return DefaultCredentialLifetime
	}
	return d
}

// resolvePaths makes the key file paths relative to dir absolute.
func (c *Config) resolvePaths(dir string) {
	resolve := func(k *TokenKeys) {
		if k == nil {
			return
		}
		for _, paths := range [][]string{k.PublicKeyFiles, k.JWKSFiles} {
			for i, p := range paths {
				if !filepath.IsAbs(p) {
					paths[i] = filepath.Join(dir, p)
				}
			}
		}
	}
	resolve(c.TokenKeys)
	for i := range c.Clusters {
		resolve(c.Clusters[i].TokenKeys)
	}
}

// VerifiesSignatures reports whether every cluster's tokens have their
// signature verified (check makes sure a TokenKeys names some file).
func (c *Config) VerifiesSignatures() bool {
	for _, cl := range c.Clusters {
		if c.TokenKeys == nil && cl.TokenKeys == nil {
			return false
		}
	}
	return true
}
