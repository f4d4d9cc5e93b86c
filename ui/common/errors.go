package common

import (
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

func ErrText(l model.Lang, err error) string { return service.ErrorText(l, err) }
