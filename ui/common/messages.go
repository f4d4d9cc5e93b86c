package common

// CancelMsg asks the root to leave a form for the home screen.
type CancelMsg struct{}
