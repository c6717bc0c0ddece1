// Package models holds the Smithy 2.0 JSON AST models that ship with
// eksauthgen. The CLI falls back to the embedded Amazon EKS Auth model when
// no model file is given.
package models

import _ "embed"

// EKSAuthFile is the file name of the Amazon EKS Auth model (API version
// 2023-11-26), in this directory and in the "// source:" header of
// generated files.
const EKSAuthFile = "eks-auth-2023-11-26.json"

// EKSAuth is the content of EKSAuthFile: the Amazon EKS Auth service
// (com.amazonaws.eksauth#EKSAuthFrontend) in Smithy 2.0 JSON AST form.
// Treat it as read-only.
//
//go:embed eks-auth-2023-11-26.json
var EKSAuth []byte
