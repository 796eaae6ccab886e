using Pipeline.Functions.Hosting;

return await PipelineApp.RunAsync(args);
