package cli

import "github.com/sipmote/sipmote/checklists"

func cmdChecklists(a *app, args []string) error {
	fs := a.flags("checklists")
	variant := fs.String("variant", "adult", "")
	pos, err := a.parse(fs, "checklists", args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fail("ange show, validate MAPP eller defaults MAPP", "give show, validate DIR or defaults DIR")
	}
	sub := append([]string{pos[0]}, pos[1:]...)
	if pos[0] == "show" {
		sub = []string{"show", "--variant", *variant}
	}
	if code := checklists.RunCLI(sub, a.stdout, a.stderr, a.lang, checklists.Resolve(a.checkDir)); code != 0 {
		return exitCode(code)
	}
	return nil
}
