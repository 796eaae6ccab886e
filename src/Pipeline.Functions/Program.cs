// Placeholder entry point; the custom handler arrives with the Functions app.
return 0;
