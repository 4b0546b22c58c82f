// Orleans and Orleans.Hosting come with the Orleans SDK's implicit usings; the runtime's types are used in most files too.
global using Orleans.Runtime;
