// The capture page: camera preview, a gesture prompt, a 3-5 s MediaRecorder clip, and Oz's single request.
// Everything shown is set as text (never as markup), and nothing runs inline: the console's CSP allows this file only.
'use strict';

const MIN_SECONDS = 3;
const MAX_SECONDS = 5;
const RECORDER_TYPES = ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm', 'video/mp4'];

const page = document.getElementById('capture');
const preview = document.getElementById('preview');
const prompt = document.getElementById('prompt');
const status = document.getElementById('status');
const gesture = document.getElementById('gesture');
const seconds = document.getElementById('seconds');
const reference = document.getElementById('reference');
const startButton = document.getElementById('start-camera');
const recordButton = document.getElementById('record');
const stopButton = document.getElementById('stop');
const result = document.getElementById('result');

let stream = null;
let recorder = null;

function say(message, kind) {
  status.textContent = message;
  status.className = 'status' + (kind ? ' ' + kind : '');
  status.dataset.kind = kind || 'info';
}

function cameraRefusal(error) {
  switch (error && error.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera permission was refused. Allow the camera for this site in the browser and try again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found on this device.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is in use by another application or could not be started.';
    default:
      return 'The camera could not be started' + (error && error.message ? ': ' + error.message : '.');
  }
}

async function startCamera() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    say('This browser offers no camera to web pages (a camera needs HTTPS or localhost).', 'error');
    return;
  }
  if (typeof MediaRecorder === 'undefined') {
    say('This browser cannot record video (no MediaRecorder).', 'error');
    return;
  }
  say('Starting the camera…');
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: {facingMode: 'user', width: {ideal: 1280}, height: {ideal: 720}},
      audio: false,
    });
  } catch (error) {
    say(cameraRefusal(error), 'error');
    return;
  }
  preview.srcObject = stream;
  startButton.disabled = true;
  recordButton.disabled = false;
  say('Fit your face in the oval, choose a gesture and press Record.');
}

function recorderType() {
  return RECORDER_TYPES.find((type) => MediaRecorder.isTypeSupported(type)) || '';
}

function chosenSeconds() {
  const value = Number(seconds.value);
  return Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, Number.isFinite(value) ? Math.round(value) : 4));
}

function record() {
  const type = recorderType();
  const chunks = [];
  const duration = chosenSeconds();
  recorder = new MediaRecorder(stream, type ? {mimeType: type, videoBitsPerSecond: 4000000} : {});
  recorder.ondataavailable = (event) => {
    if (event.data && event.data.size > 0) {
      chunks.push(event.data);
    }
  };
  let started = 0;
  let timer = null;
  recorder.onstart = () => {
    started = performance.now();
  };
  recorder.onstop = () => {
    clearTimeout(timer);
    const elapsed = (performance.now() - started) / 1000;
    prompt.hidden = true;
    stopButton.disabled = true;
    recordButton.disabled = false;
    const video = new Blob(chunks, {type: recorder.mimeType || type || 'video/webm'});
    if (elapsed < MIN_SECONDS - 0.2 || video.size === 0) {
      say('The recording lasted ' + elapsed.toFixed(1) + ' s; at least ' + MIN_SECONDS
          + ' s are needed. Record again.', 'error');
      return;
    }
    send(video);
  };
  recorder.onerror = (event) => {
    say('Recording failed: ' + (event.error ? event.error.name : 'unknown error'), 'error');
  };
  const option = gesture.options[gesture.selectedIndex];
  prompt.textContent = option.dataset.prompt;
  prompt.hidden = false;
  result.hidden = true;
  recordButton.disabled = true;
  stopButton.disabled = false;
  say('Recording for ' + duration + ' s: ' + option.dataset.prompt.toLowerCase() + '.');
  recorder.start(250);
  timer = setTimeout(() => recorder.state === 'recording' && recorder.stop(), duration * 1000);
}

function stop() {
  if (recorder && recorder.state === 'recording') {
    recorder.stop();
  }
}

/** The payload of Oz's single request for this capture. */
function payload(withReference) {
  const tags = {video1: ['video_selfie', 'video_selfie_' + gesture.value]};
  const analyses = [{type: 'quality', params: {extract_best_shot: true}}];
  if (withReference) {
    tags.photo1 = ['photo_id', 'photo_id_front'];
    analyses.push({type: 'biometry'});
  }
  return {
    'folder:meta_data': {source: 'argus-capture-page', gesture: gesture.value},
    'media:tags': tags,
    analyses: analyses,
  };
}

function refusal(response, body) {
  switch (response.status) {
    case 413:
      return 'The recording is larger than this server accepts (413). Record a shorter clip.';
    case 429: {
      const wait = response.headers.get('Retry-After');
      return 'The server is busy (429). Try again' + (wait ? ' in ' + wait + ' s.' : ' shortly.');
    }
    case 403:
      return 'Refused (403): ' + ((body && body.error_message) || 'reload the page and sign in again.');
    default:
      return 'Refused (' + response.status + (body && body.error_code ? ', ' + body.error_code : '') + '): '
          + ((body && body.error_message) || response.statusText);
  }
}

async function send(video) {
  const extension = video.type.indexOf('mp4') >= 0 ? 'mp4' : 'webm';
  const form = new FormData();
  const photo = reference.files && reference.files[0];
  form.append('video1', video, 'selfie.' + extension);
  if (photo) {
    form.append('photo1', photo, photo.name);
  }
  form.append('payload', JSON.stringify(payload(Boolean(photo))));
  say('Sending ' + (video.size / 1024).toFixed(0) + ' KB and waiting for the analyses…');
  let response;
  let body = null;
  try {
    response = await fetch(page.dataset.endpoint, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: {'Accept': 'application/json', 'X-CSRF-Token': page.dataset.csrf},
    });
    body = await response.json().catch(() => null);
  } catch (error) {
    say('The request could not be sent: ' + error.message, 'error');
    return;
  }
  if (!response.ok) {
    say(refusal(response, body), 'error');
    return;
  }
  show(body);
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
  return td;
}

function number(value) {
  return typeof value === 'number' ? value.toFixed(3) : '—';
}

function show(folder) {
  const analyses = folder.analyses || [];
  const verdicts = analyses.map((analysis) => analysis.resolution);
  const verdict = verdicts.includes('FAILED') ? 'FAILED'
    : verdicts.includes('DECLINED') ? 'DECLINED'
      : verdicts.includes('OPERATOR_REQUIRED') ? 'OPERATOR_REQUIRED' : 'SUCCESS';
  const verdictCell = document.getElementById('verdict');
  verdictCell.textContent = verdict;
  verdictCell.className = 'verdict ' + verdict;
  const rows = document.getElementById('analyses');
  rows.replaceChildren();
  let bestShot = null;
  for (const analysis of analyses) {
    const row = document.createElement('tr');
    row.className = 'analysis';
    row.dataset.type = analysis.type;
    const data = analysis.results_data || {};
    const params = analysis.params || {};
    const quality = analysis.type === 'QUALITY';
    const score = quality ? data.confidence_spoofing : data.min_confidence;
    const threshold = quality
      ? params.threshold_spoofing ?? Number(page.dataset.qualityThreshold)
      : params.threshold_biometry ?? Number(page.dataset.biometryThreshold);
    const details = analysis.error_details || {};
    const result = (analysis.results_media || []).find((media) => media.error_details) || {};
    cell(row, analysis.type);
    cell(row, analysis.resolution).className = 'resolution';
    cell(row, number(score)).className = 'score';
    cell(row, (quality ? 'attack at or above ' : 'match at or above ') + number(threshold));
    cell(row, details.reason || (result.error_details || {}).reason || '').className = 'reason';
    rows.appendChild(row);
    for (const media of analysis.results_media || []) {
      for (const image of media.output_images || []) {
        bestShot = bestShot || image.media_id;
      }
    }
  }
  const shot = document.getElementById('best-shot');
  shot.hidden = !bestShot;
  if (bestShot) {
    shot.src = '/console/folders/' + encodeURIComponent(folder.folder_id) + '/media/' + encodeURIComponent(bestShot);
  }
  const link = document.getElementById('folder-link');
  link.href = '/console/folders/' + encodeURIComponent(folder.folder_id);
  link.dataset.folderId = folder.folder_id;
  result.hidden = false;
  say('Done: ' + verdict + '.', verdict === 'SUCCESS' ? 'success' : 'error');
}

startButton.addEventListener('click', startCamera);
recordButton.addEventListener('click', record);
stopButton.addEventListener('click', stop);
