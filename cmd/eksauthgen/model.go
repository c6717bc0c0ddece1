package main

import (
	"errors"
	"io/fs"
	"os"

	"github.com/eksauthgen/eksauthgen/models"
)

// loadModel returns the model's content and the name to report it by. When
// -model was not given and the default file does not exist, it returns the
// embedded EKS Auth model, so that the command works in any directory; a
// missing file given with -model is an error.
func loadModel(o options) (src []byte, name string, err error) {
	src, err = os.ReadFile(o.model)
	if err == nil {
		return src, o.model, nil
	}
	if !o.modelSet && errors.Is(err, fs.ErrNotExist) {
		return models.EKSAuth, models.EKSAuthFile, nil
	}
	return nil, "", err
}
