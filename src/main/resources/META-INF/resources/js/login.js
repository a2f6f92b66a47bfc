// Shows the error line when the form login sent us back with ?error=1.
if (new URLSearchParams(location.search).has('error')) {
  document.getElementById('login-error').hidden = false;
}
