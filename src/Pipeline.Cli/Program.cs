using Pipeline.Cli;

return PipelineCli.Run(args, Console.Out, Console.Error);
