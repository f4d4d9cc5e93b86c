package ui

// cancelMsg asks the root to leave a form for the home screen.
type cancelMsg struct{}
