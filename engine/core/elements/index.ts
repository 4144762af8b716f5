/** The behaviour table: which behaviour runs for which element type. */
import type { ElementDef } from '../model.js';
import type { Runtime } from '../runtime.js';
import type { Behaviour } from './behaviour.js';
import { passThrough } from './task.js';
import { userTask } from './user-task.js';
import { jobTask } from './job-task.js';
import { scriptTask } from './script-task.js';
import { catchEvent } from './catch-event.js';
import { startEvent } from './start-event.js';
import { endEvent } from './end-event.js';
import { boundaryEvent } from './boundary-event.js';
import { throwEventBehaviour } from './throw-event.js';
import { exclusiveGateway, parallelGateway, inclusiveGateway, eventBasedGateway } from './gateways.js';
import { subProcess } from './sub-process.js';
import { callActivity } from './call-activity.js';
import { multiInstanceBody, isInner } from './multi-instance.js';
import { messageTask } from './message-task.js';

export function behaviourOf(def: ElementDef, rt: Runtime, key: number): Behaviour {
  if (def.multiInstance && !isInner(rt, key)) return multiInstanceBody;
  switch (def.type) {
    case 'startEvent': return startEvent;
    case 'endEvent': return endEvent;
    case 'boundaryEvent': return boundaryEvent;
    case 'intermediateCatchEvent': return catchEvent;
    case 'intermediateThrowEvent': return throwEventBehaviour;
    case 'receiveTask': return catchEvent;
    case 'userTask': return userTask;
    case 'scriptTask': return def.script ? scriptTask : def.job ? jobTask : passThrough;
    case 'serviceTask':
    case 'businessRuleTask': return def.job ? jobTask : passThrough;
    case 'sendTask': return def.job ? jobTask : def.message ? messageTask : passThrough;
    case 'exclusiveGateway': return exclusiveGateway;
    case 'parallelGateway': return parallelGateway;
    case 'inclusiveGateway': return inclusiveGateway;
    case 'eventBasedGateway': return eventBasedGateway;
    case 'subProcess': return subProcess;
    case 'callActivity': return callActivity;
    default: return passThrough;
  }
}
