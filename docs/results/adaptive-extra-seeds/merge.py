# Merges one-seed compare.json files (the same command, --seed S --seeds 1, methods in any order) into one with
# every run per method, so that ../adaptive-slowdown-checks/time_to_084.py reads them like one compare run.
import json,re,sys
out,files=sys.argv[1],sys.argv[2:]
merged=None
for f in files:
    d=json.load(open(f))
    if merged is None:
        merged=d; continue
    byName={m['summary']['method']:m for m in merged['methods']}
    for extra in d['methods']:
        byName[extra['summary']['method']]['runs'].extend(extra['runs'])
    merged['settings']['seeds']+=d['settings']['seeds']
merged['settings']['command']=re.sub(r'--seed \d+','--seed S',merged['settings']['command'])
merged['note']='runs of '+str(len(files))+' one-seed compare commands merged by merge.py; each method summary is the first file\'s only'
json.dump(merged,open(out,'w'),indent=1)
